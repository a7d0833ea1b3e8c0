//! SplitMix64: a tiny deterministic generator that turns a seed into a program's bytes, so a
//! seed alone replays a program (no dependency needed for that).

pub struct SplitMix64(u64);

impl SplitMix64 {
	pub fn new(seed: u64) -> Self {
		Self(seed)
	}

	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// `len` pseudo-random bytes.
	pub fn bytes(&mut self, len: usize) -> Vec<u8> {
		let mut out = Vec::with_capacity(len + 8);
		while out.len() < len {
			out.extend_from_slice(&self.next_u64().to_le_bytes());
		}
		out.truncate(len);
		out
	}
}
