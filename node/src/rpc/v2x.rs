//! The `v2x_` JSON-RPC methods: a vehicle's passport and the quotes and checks apps make
//! before a deal. Read-only (runtime API calls at a block), so safe to expose publicly.

use std::{collections::HashMap, sync::Arc};

use codec::{Decode, Encode};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorCode, ErrorObjectOwned},
};
use pallet_data_marketplace::{runtime_api::DataAccessApi, DataCategory};
use pallet_shared_charging::runtime_api::ChargingApi;
use pallet_usage_insurance::{runtime_api::InsuranceApi, RiskEvents};
use polkadot_sdk::{
	pallet_timestamp, sc_client_api::BlockBackend, sp_api::ProvideRuntimeApi,
	sp_blockchain::HeaderBackend, sp_core::crypto::Ss58Codec,
};
use serde::Deserialize;
use serde_json::{json, Value};
use v2x_primitives::{runtime_api::VehiclePassportApi, VehicleId, VehicleRef, Vin};
use v2x_runtime::{
	opaque::Block,
	passport::{PassportListing, PassportPolicy, PassportRecord},
	AccountId, Balance, BlockNumber, RuntimeCall, UncheckedExtrinsic, TOKEN_DECIMALS, TOKEN_SYMBOL,
};

use super::{
	format::{amount, hex, iso_time},
	passport_json::{self, BlockTimes},
};

type Hash = <Block as polkadot_sdk::sp_runtime::traits::Block>::Hash;

/// No vehicle is registered under the VIN or id asked for.
pub const UNKNOWN_VEHICLE: i32 = 1001;
/// The insurance product does not exist (or its premium is beyond the balance type).
pub const NO_INSURANCE_QUOTE: i32 = 1002;
/// The charger does not exist, is members-only for a non-member, or the reading is
/// inconsistent.
pub const NO_CHARGING_QUOTE: i32 = 1003;

/// Risk events for a quote; any left out count as 0.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RiskEventsParam {
	#[serde(default)]
	pub harsh_braking: u32,
	#[serde(default)]
	pub speeding: u32,
	#[serde(default)]
	pub night_km: u32,
}

#[rpc(server, namespace = "v2x")]
pub trait V2xApi {
	/// A vehicle's whole story, by VIN (text) or id (a number), at block `at` (default: the
	/// best block), with the service records from position `newest_record` (default: the
	/// latest).
	#[method(name = "vehiclePassport")]
	fn vehicle_passport(
		&self,
		vehicle: Value,
		at: Option<Hash>,
		newest_record: Option<u32>,
	) -> RpcResult<Value>;

	/// A full period's premium on insurance `product` for `km` driven and risk `events`.
	#[method(name = "insuranceQuote")]
	fn insurance_quote(
		&self,
		product: u32,
		km: u32,
		events: Option<RiskEventsParam>,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// Whether `account` (SS58) may read `category` data of a vehicle (VIN or id) now, and
	/// until which block.
	#[method(name = "hasDataAccess")]
	fn has_data_access(
		&self,
		account: String,
		vehicle: Value,
		category: Value,
		at: Option<Hash>,
	) -> RpcResult<Value>;

	/// What a session starting now at `charger` would cost: `energy_wh` over
	/// `charging_secs`, then `parking_secs`, for `driver` (SS58; a member's own tariff).
	#[method(name = "chargingQuote")]
	fn charging_quote(
		&self,
		charger: u32,
		energy_wh: u32,
		charging_secs: u32,
		parking_secs: u32,
		driver: Option<String>,
		at: Option<Hash>,
	) -> RpcResult<Value>;
}

/// The `v2x_` methods over a client.
pub struct V2x<C> {
	client: Arc<C>,
}

impl<C> V2x<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

/// The runtime APIs the `v2x_` methods call, in one bound.
pub trait V2xRuntimeApi:
	VehiclePassportApi<
		Block,
		AccountId,
		Balance,
		BlockNumber,
		PassportRecord,
		PassportPolicy,
		PassportListing,
	> + InsuranceApi<Block, AccountId, Balance, BlockNumber>
	+ DataAccessApi<Block, AccountId, Balance, BlockNumber>
	+ ChargingApi<Block, AccountId, Balance, BlockNumber>
{
}

impl<Api> V2xRuntimeApi for Api where
	Api: VehiclePassportApi<
			Block,
			AccountId,
			Balance,
			BlockNumber,
			PassportRecord,
			PassportPolicy,
			PassportListing,
		> + InsuranceApi<Block, AccountId, Balance, BlockNumber>
		+ DataAccessApi<Block, AccountId, Balance, BlockNumber>
		+ ChargingApi<Block, AccountId, Balance, BlockNumber>
{
}

impl<C> V2xApiServer for V2x<C>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ BlockBackend<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: V2xRuntimeApi,
{
	fn vehicle_passport(
		&self,
		vehicle: Value,
		at: Option<Hash>,
		newest_record: Option<u32>,
	) -> RpcResult<Value> {
		let vehicle_ref = vehicle_ref(&vehicle)?;
		let (at, number) = self.block_and_number(at)?;
		let passport = self
			.client
			.runtime_api()
			.vehicle_passport(at, vehicle_ref, newest_record)
			.map_err(runtime_error)?
			.ok_or_else(|| unknown_vehicle(&vehicle))?;
		let mut times = Times { client: &*self.client, cache: HashMap::new() };
		let mut answer = passport_json::passport(passport, &mut times);
		answer["at"] = json!({
			"blockNumber": number,
			"blockHash": hex(at.as_ref()),
			"timestamp": times.time_of(number),
		});
		answer["token"] = json!({ "symbol": TOKEN_SYMBOL, "decimals": TOKEN_DECIMALS });
		Ok(answer)
	}

	fn insurance_quote(
		&self,
		product: u32,
		km: u32,
		events: Option<RiskEventsParam>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let at = self.block(at)?;
		let events = events.unwrap_or_default();
		let events = RiskEvents {
			harsh_braking: events.harsh_braking,
			speeding: events.speeding,
			night_km: events.night_km,
		};
		let premium = InsuranceApi::quote(&*self.client.runtime_api(), at, product, km, events)
			.map_err(runtime_error)?
			.ok_or_else(|| {
				error(
					NO_INSURANCE_QUOTE,
					format!("No quote: there is no insurance product {product} (or its premium for {km} km is beyond any balance)"),
				)
			})?;
		Ok(json!({ "product": product, "km": km, "premium": amount(premium) }))
	}

	fn has_data_access(
		&self,
		account: String,
		vehicle: Value,
		category: Value,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let who = parse_account(&account)?;
		let category: DataCategory = serde_json::from_value(category.clone()).map_err(|_| {
			invalid(format!(
				"Unknown data category {}: one of \"Diagnostics\", \"LocationTraces\", \"DrivingBehaviour\", \"Battery\", \"AdasLidar\", \"Infotainment\", \"CrashBlackbox\" or {{\"Other\": n}}",
				shortened(&category.to_string())
			))
		})?;
		let vehicle_ref = vehicle_ref(&vehicle)?;
		let at = self.block(at)?;
		let api = self.client.runtime_api();
		let id: VehicleId = api
			.vehicle_id(at, vehicle_ref)
			.map_err(runtime_error)?
			.ok_or_else(|| unknown_vehicle(&vehicle))?;
		let expires_at = api.has_access(at, who, id, category).map_err(runtime_error)?;
		Ok(json!({
			"vehicle": id,
			"category": category,
			"access": expires_at.is_some(),
			"expiresAt": expires_at,
		}))
	}

	fn charging_quote(
		&self,
		charger: u32,
		energy_wh: u32,
		charging_secs: u32,
		parking_secs: u32,
		driver: Option<String>,
		at: Option<Hash>,
	) -> RpcResult<Value> {
		let driver = driver.as_deref().map(parse_account).transpose()?;
		let at = self.block(at)?;
		let cost = ChargingApi::quote(
			&*self.client.runtime_api(),
			at,
			charger,
			driver,
			energy_wh,
			charging_secs,
			parking_secs,
		)
		.map_err(runtime_error)?
		.ok_or_else(|| {
			error(
				NO_CHARGING_QUOTE,
				format!("No quote: charger {charger} does not exist, admits members only and the driver is not one, or the reading is inconsistent"),
			)
		})?;
		Ok(json!({
			"charger": charger,
			"energy": amount(cost.energy),
			"time": amount(cost.time),
			"parking": amount(cost.parking),
			"flat": amount(cost.flat),
			"total": amount(cost.total),
		}))
	}
}

impl<C: HeaderBackend<Block>> V2x<C> {
	/// `at`, or the best block; an unknown hash is a bad argument.
	fn block(&self, at: Option<Hash>) -> RpcResult<Hash> {
		self.block_and_number(at).map(|(hash, _)| hash)
	}

	/// `at` (or the best block) and its number.
	fn block_and_number(&self, at: Option<Hash>) -> RpcResult<(Hash, BlockNumber)> {
		let Some(hash) = at else {
			let info = self.client.info();
			return Ok((info.best_hash, info.best_number));
		};
		let number = self
			.client
			.number(hash)
			.map_err(runtime_error)?
			.ok_or_else(|| invalid(format!("Unknown block {}", hex(hash.as_ref()))))?;
		Ok((hash, number))
	}
}

/// Block times read from each block's `timestamp.set` inherent (blocks are kept when state
/// is pruned), cached for one answer.
struct Times<'a, C> {
	client: &'a C,
	cache: HashMap<BlockNumber, Option<String>>,
}

impl<C: HeaderBackend<Block> + BlockBackend<Block>> BlockTimes for Times<'_, C> {
	fn time_of(&mut self, number: BlockNumber) -> Option<String> {
		if number == 0 {
			return None;
		}
		let client = self.client;
		self.cache
			.entry(number)
			.or_insert_with(|| {
				let hash = client.hash(number).ok()??;
				let body = client.block_body(hash).ok()??;
				body.iter().find_map(|opaque| {
					let extrinsic = UncheckedExtrinsic::decode(&mut &opaque.encode()[..]).ok()?;
					match extrinsic.function {
						RuntimeCall::Timestamp(pallet_timestamp::Call::set { now }) => {
							Some(iso_time(now))
						}
						_ => None,
					}
				})
			})
			.clone()
	}
}

/// A VIN (17 characters of text, any case) or a vehicle id (a number, or digits as text).
fn vehicle_ref(vehicle: &Value) -> RpcResult<VehicleRef> {
	match vehicle {
		Value::Number(number) => number.as_u64().map(VehicleRef::Id).ok_or_else(|| {
			invalid(format!("Invalid vehicle id {number}: ids are whole numbers from 0"))
		}),
		Value::String(text) => {
			let text = text.trim();
			if !text.is_empty() && text.len() < 17 && text.bytes().all(|b| b.is_ascii_digit()) {
				if let Ok(id) = text.parse() {
					return Ok(VehicleRef::Id(id));
				}
			}
			let upper = text.to_ascii_uppercase();
			Vin::parse(upper.as_bytes())
				.ok()
				.filter(|vin| vin.validate().is_ok())
				.map(VehicleRef::Vin)
				.ok_or_else(|| {
					invalid(format!(
						"Invalid VIN {}: a VIN has 17 characters, digits and capital letters except I, O and Q",
						quoted(text)
					))
				})
		}
		other => Err(invalid(format!(
			"Invalid vehicle {}: give a VIN (17 characters of text) or a vehicle id (a number)",
			shortened(&other.to_string())
		))),
	}
}

/// An SS58 address of a 32-byte account has at most 50 characters. Longer text is refused
/// before decoding: base58 decoding takes time that grows with the square of its input, so a
/// megabyte-long "account" would hold a core for minutes.
const MAX_ACCOUNT_CHARS: usize = 64;

/// Errors quote at most this much of the caller's input (a 1 MB VIN gets a short answer).
const MAX_QUOTED_CHARS: usize = 40;

fn parse_account(text: &str) -> RpcResult<AccountId> {
	let refused =
		|| invalid(format!("Invalid account {}: an SS58 address was expected", quoted(text)));
	let text = text.trim();
	if text.len() > MAX_ACCOUNT_CHARS {
		return Err(refused());
	}
	AccountId::from_ss58check(text).map_err(|_| refused())
}

/// `text` in quotes for an error message, cut after [`MAX_QUOTED_CHARS`] characters.
fn quoted(text: &str) -> String {
	match cut(text) {
		(head, None) => format!("{head:?}"),
		(head, Some(length)) => format!("{head:?}... ({length} characters)"),
	}
}

/// `text` (a JSON value, already quoted where it is a string) for an error message, cut
/// after [`MAX_QUOTED_CHARS`] characters.
fn shortened(text: &str) -> String {
	match cut(text) {
		(head, None) => head,
		(head, Some(length)) => format!("{head}... ({length} characters)"),
	}
}

/// The first [`MAX_QUOTED_CHARS`] characters of `text`, and its length if that cut it.
fn cut(text: &str) -> (String, Option<usize>) {
	let length = text.chars().count();
	let head = text.chars().take(MAX_QUOTED_CHARS).collect();
	(head, (length > MAX_QUOTED_CHARS).then_some(length))
}

fn unknown_vehicle(vehicle: &Value) -> ErrorObjectOwned {
	let what = match vehicle {
		Value::String(text) if text.trim().len() == 17 => {
			format!("VIN {}", text.trim().to_ascii_uppercase())
		}
		Value::String(text) => format!("id {}", text.trim()),
		other => format!("id {other}"),
	};
	error(UNKNOWN_VEHICLE, format!("Unknown vehicle: no vehicle is registered with {what}"))
}

fn invalid(message: String) -> ErrorObjectOwned {
	error(ErrorCode::InvalidParams.code(), message)
}

fn runtime_error(err: impl std::fmt::Display) -> ErrorObjectOwned {
	error(ErrorCode::InternalError.code(), format!("The runtime could not answer: {err}"))
}

fn error(code: i32, message: String) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message, None::<()>)
}
