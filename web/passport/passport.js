// The vehicle passport page: asks a node for `v2x_vehiclePassport` (docs/rpc.md)
// over HTTP JSON-RPC and shows the answer. Plain DOM, no dependency, no build step.
// Everything the chain says is put in the page as text, never as HTML.

const DEFAULT_RPC = 'http://127.0.0.1:9944';
const METHOD = 'v2x_vehiclePassport';
const UNKNOWN_VEHICLE = 1001;
const INVALID_PARAMS = -32602;
const METHOD_NOT_FOUND = -32601;
const ANSWER_TIMEOUT_MS = 15_000;
/** Aura slot time of V2X Chain: turns block counts into durations. */
const BLOCK_SECONDS = 6;

const SVG = 'http://www.w3.org/2000/svg';
const numbers = new Intl.NumberFormat('en');

const POWERTRAINS = {
  Ice: 'Combustion engine (ICE)',
  Hev: 'Hybrid (HEV)',
  Phev: 'Plug-in hybrid (PHEV)',
  Bev: 'Battery electric (BEV)',
  Fcev: 'Fuel cell electric (FCEV)',
};

/** The data categories of the marketplace (`{ "Other": n }` aside). */
const DATA_CATEGORIES = {
  Diagnostics: 'Diagnostics',
  LocationTraces: 'Location traces',
  DrivingBehaviour: 'Driving behaviour',
  Battery: 'Battery',
  AdasLidar: 'Driver assistance (camera, radar, LiDAR)',
  Infotainment: 'Infotainment',
  CrashBlackbox: 'Crash data recorder',
};

/** Why a policy ended. */
const POLICY_END_REASONS = {
  Cancelled: 'the holder cancelled it',
  Lapsed: 'a premium was more than the prepayment',
  VehicleSold: 'the car was sold',
  VehicleStolen: 'the car was reported stolen',
  VehicleScrapped: 'the car was scrapped',
  HolderLeft: 'the holder may no longer drive the car',
};

const STATUS_NOTES = {
  Stolen: 'This car is reported stolen. Do not buy it; if you know where it is, tell the police.',
  Scrapped: 'This car was scrapped: it should no longer be on the road.',
};

const $ = (id) => document.getElementById(id);

/** The JSON-RPC error the node answered with. */
class RpcError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** No answer from the node: it is down, unreachable or refuses this page (CORS). */
class Unreachable extends Error {}

let requestId = 0;

/** `v2x_vehiclePassport(key, at, firstRecord)` on the node at `rpcUrl`. */
async function vehiclePassport(rpcUrl, key, at, firstRecord) {
  const params = [key];
  if (at != null || firstRecord != null) params.push(at ?? null);
  if (firstRecord != null) params.push(firstRecord);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ANSWER_TIMEOUT_MS);
  let response;
  try {
    response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++requestId, method: METHOD, params }),
      signal: controller.signal,
    });
  } catch (error) {
    throw new Unreachable(controller.signal.aborted
      ? `it did not answer within ${ANSWER_TIMEOUT_MS / 1000} s`
      : String(error.message ?? error));
  } finally {
    clearTimeout(timer);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`The node at ${rpcUrl} answered HTTP ${response.status} without JSON-RPC.`);
  }
  if (body?.error) throw new RpcError(body.error.code, String(body.error.message ?? ''));
  if (!response.ok || body?.result == null) {
    throw new Error(`The node at ${rpcUrl} answered HTTP ${response.status} without a passport.`);
  }
  return body.result;
}

// ---------------------------------------------------------------------------------------
// Small helpers that build DOM.

function el(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  for (const [name, value] of Object.entries(attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** Appends a term and its value (text or nodes) to a <dl>. */
function fact(list, term, value, testId) {
  const dd = el('dd', {}, Array.isArray(value) ? value : [value]);
  if (testId) dd.dataset.testid = testId;
  list.append(el('dt', { text: term }), dd);
}

function km(value) {
  return value == null ? 'no reading yet' : `${numbers.format(value)} km`;
}

/** A decimal amount as the node gives it ("20000", "0.002"), grouped: "20,000 V2X". */
function amount(value, token) {
  const [whole, fraction] = String(value).split('.');
  const grouped = /^\d+$/.test(whole) ? numbers.format(BigInt(whole)) : whole;
  return `${grouped}${fraction ? `.${fraction}` : ''} ${token?.symbol ?? 'V2X'}`;
}

/** "RecallWork" -> "Recall work". */
function humanize(name) {
  const words = String(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value the page has no words for (a kind added after it), as readable text. */
function describe(value) {
  if (value == null) return 'none';
  if (typeof value !== 'object') return String(value);
  return Object.entries(value)
    .map(([key, inner]) => (inner !== null && typeof inner === 'object'
      ? `${humanize(key)} (${describe(inner)})`
      : `${humanize(key)}: ${inner}`))
    .join(', ');
}

/**
 * A service record's kind: "Maintenance", or an object for kinds with fields:
 * { "Inspection": { "passed": true } }, { "BatteryHealth": { "state_of_health": 91 } },
 * { "OdometerReplacement": { "old_km": 80000, "new_km": 0 } }.
 */
function workKind(kind) {
  if (typeof kind === 'string') return humanize(kind);
  const [[name, fields] = []] = Object.entries(kind ?? {});
  switch (name) {
    case 'Inspection':
      return `Inspection, ${fields?.passed ? 'passed' : 'failed'}`;
    case 'BatteryHealth':
      return `Battery health: ${fields?.state_of_health} %`;
    case 'OdometerReplacement':
      return `Instrument cluster replaced (the old one showed ${km(fields?.old_km)}, the new one ${km(fields?.new_km)})`;
    default:
      return name ? `${humanize(name)} (${describe(fields)})` : 'Unknown';
  }
}

/** A data listing's category: "Battery", or { "Other": 7 }. */
function dataCategory(category) {
  if (typeof category === 'string') return DATA_CATEGORIES[category] ?? humanize(category);
  if (category?.Other != null) return `Other (category ${category.Other})`;
  return describe(category);
}

/** A policy's status: "Active", or { "Ended": { "at": 120, "reason": "VehicleSold" } }. */
function policyStatus(status) {
  if (typeof status === 'string') return humanize(status);
  if (status?.Ended) {
    const { at, reason } = status.Ended;
    return `Ended in block ${numbers.format(at)}: ${POLICY_END_REASONS[reason] ?? humanize(reason)}`;
  }
  return describe(status);
}

/** When something happened: its block and, where the chain knows it, the time. */
function when(blockNumber, timestamp) {
  if (timestamp) {
    const time = new Date(timestamp);
    if (!Number.isNaN(time.getTime())) {
      return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC (block ${numbers.format(blockNumber)})`;
    }
  }
  return blockNumber === 0 ? 'At genesis (block 0)' : `Block ${numbers.format(blockNumber)}`;
}

/** "At genesis" -> "at genesis", inside a sentence (and "UTC" stays "UTC"). */
function lowerFirst(text) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "5Grwva…GKutQY", the whole address in a tooltip. */
function shortAccount(address) {
  const text = address.length > 16 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
  return el('code', { className: 'address short', text, attrs: { title: address } });
}

/** A named account ("Demo Garage") with its address. */
function account(address, name, { short = false } = {}) {
  const code = short ? shortAccount(address) : el('code', { className: 'address', text: address });
  if (!name) return [code];
  return [el('span', { className: 'name', text: name }), ' ', code];
}

/** Block `block`, and how far it is from block `now`: "block 1,242 (in about 2 hours)". */
function blockFromNow(block, now) {
  const at = `block ${numbers.format(block)}`;
  if (now == null || block === now) return at;
  return block > now ? `${at} (in ${duration(block - now)})` : `${at} (${duration(now - block)} ago)`;
}

function duration(blocks) {
  const seconds = blocks * BLOCK_SECONDS;
  const about = (value, unit) => {
    const rounded = Math.round(value * 10) / 10;
    return `about ${numbers.format(rounded)} ${unit}${rounded === 1 ? '' : 's'}`;
  };
  if (seconds >= 86_400) return about(seconds / 86_400, 'day');
  if (seconds >= 3_600) return about(seconds / 3_600, 'hour');
  return about(seconds / 60, 'minute');
}

function show(node, visible) {
  node.hidden = !visible;
}

// ---------------------------------------------------------------------------------------
// The sections of the passport.

function renderAsOf(passport, rpcUrl) {
  const { at } = passport;
  const hash = at.blockHash ?? '';
  $('as-of').replaceChildren(
    `As of ${when(at.blockNumber, at.timestamp).replace(/^At genesis/, 'genesis')}, block hash `,
    el('code', { text: hash.length > 14 ? `${hash.slice(0, 8)}…${hash.slice(-4)}` : hash, attrs: { title: hash } }),
    `, from the node at ${rpcUrl}.`,
  );
}

function renderIdentity({ identity }) {
  const list = $('identity');
  list.replaceChildren();
  fact(list, 'VIN', el('span', { className: 'vin', text: identity.vin }), 'vin');
  fact(list, 'Vehicle id', String(identity.id));
  fact(list, 'Maker', account(identity.manufacturer, identity.manufacturerName), 'maker');
  fact(list, 'Model year', String(identity.modelYear));
  fact(list, 'Powertrain', POWERTRAINS[identity.powertrain] ?? humanize(identity.powertrain));
  fact(list, 'Battery', identity.batteryCapacityWh == null
    ? 'none'
    : `${numbers.format(identity.batteryCapacityWh / 1000)} kWh`);
  fact(list, 'Registered', when(identity.registeredAt.blockNumber, identity.registeredAt.timestamp));
}

function renderStatus({ status }) {
  const badge = $('status');
  badge.textContent = status;
  badge.dataset.status = status;
  const note = STATUS_NOTES[status];
  $('status-note').textContent = note ?? '';
  show($('status-note'), Boolean(note));
}

/** An open sale offer: to whom, for how much, until when. */
function saleOffer({ buyer, price, expiresAt }, token, now) {
  return [
    'offered to ', shortAccount(buyer),
    price == null ? ' as a gift' : ` for ${amount(price, token)}`,
    `, until ${blockFromNow(expiresAt, now)}`,
  ];
}

function renderOwnership({ ownership, token, at }) {
  const list = $('ownership');
  list.replaceChildren();
  fact(list, 'Owner', account(ownership.owner), 'owner');
  fact(list, 'Past owners', String(ownership.pastOwners), 'past-owners');
  // A lien is the lender's account: while it is set, the car cannot be sold.
  fact(list, 'Lien', ownership.lien == null ? 'none' : ['held by ', ...account(ownership.lien)], 'lien');
  fact(list, 'For sale', ownership.openSaleOffer == null
    ? 'no'
    : saleOffer(ownership.openSaleOffer, token, at?.blockNumber), 'sale-offer');

  const sales = ownership.sales ?? [];
  const body = $('sales').tBodies[0];
  body.replaceChildren(...sales.map((sale) => el('tr', {}, [
    el('td', { text: when(sale.blockNumber, sale.timestamp) }),
    el('td', {}, [shortAccount(sale.from)]),
    el('td', {}, [shortAccount(sale.to)]),
    el('td', { className: 'num', text: sale.price == null ? 'gift' : amount(sale.price, token) }),
  ])));
  show($('sales'), sales.length > 0);
  const empty = $('sales-empty');
  if (sales.length === 0) {
    empty.textContent = 'No sale recorded on the chain.';
  } else if (ownership.pastOwners > sales.length) {
    empty.textContent = `The latest ${sales.length} of ${ownership.pastOwners} sales:`;
  }
  show(empty, sales.length === 0 || ownership.pastOwners > sales.length);
}

function renderOdometer({ odometer }) {
  const facts = $('odometer-facts');
  facts.replaceChildren();
  fact(facts, 'Shown', km(odometer.displayedKm), 'displayed-km');
  fact(facts, 'True', km(odometer.trueKm), 'true-km');
  const flags = odometer.flags ?? [];
  const flagCount = odometer.flagCount ?? flags.length;
  fact(facts, 'Flagged', flagCount === 0
    ? 'none'
    : `${numbers.format(flagCount)} reading${flagCount === 1 ? '' : 's'}${flagCount > flags.length
      ? ` (the chain keeps the latest ${flags.length === 1 ? 'one' : numbers.format(flags.length)}, listed below)` : ''}`, 'flag-count');
  // A flagged reading never changes the km shown: only a new instrument cluster shows fewer.
  const note = $('odometer-note');
  const replaced = odometer.displayedKm != null && odometer.displayedKm < odometer.trueKm;
  if (replaced) {
    note.textContent = `The instrument cluster was replaced: it shows ${km(odometer.displayedKm)}, `
      + `while the car has covered ${km(odometer.trueKm)} in all.`;
  }
  show(note, replaced);

  drawnChart = {
    readings: odometer.readings ?? [],
    reasons: new Map(flags.map((flag) => [flag.seq, flag.reason])),
  };
  drawChart();

  $('flags').replaceChildren(...flags.map((flag) => el('li', {}, [
    legendMarker('flagged'),
    el('span', {}, [
      el('strong', { text: `Reading #${flag.seq}, ${km(flag.km)}` }),
      `, ${lowerFirst(when(flag.blockNumber, flag.timestamp))}: `,
      el('span', { className: 'reason', text: flag.reason }),
    ]),
  ])));

  $('readings').tBodies[0].replaceChildren(...(odometer.readings ?? []).map((reading) => el('tr', {
    className: reading.flagged ? 'flagged' : undefined,
  }, [
    el('td', { text: String(reading.seq) }),
    el('td', { text: when(reading.blockNumber, reading.timestamp) }),
    el('td', { className: 'num', text: km(reading.km) }),
    el('td', { className: 'num', text: km(reading.trueKm) }),
    el('td', { text: humanize(reading.source) }),
    el('td', { text: reading.flagged ? `${humanize(reading.verdict)} (flagged)` : humanize(reading.verdict) }),
  ])));
}

/** What the chart shows, to draw it again at a new width. */
let drawnChart = null;

/** Draws the chart as wide as its box, so its text keeps its size on any screen. */
function drawChart() {
  const figure = $('chart');
  drawnChart.width = figure.clientWidth;
  const width = Math.max(320, Math.round(drawnChart.width) || 720);
  figure.replaceChildren(...odometerChart(drawnChart.readings, drawnChart.reasons, width));
}

/** A round step for about `count` ticks up to `max`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(max, count) {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((step) => step >= raw);
}

/**
 * The odometer over time as inline SVG: x is the block number, y the km; one line for what
 * the odometer showed, one for the true km, and a red marker on each flagged reading.
 * Readings in the same block (all of genesis, say) are drawn side by side, in order.
 */
function odometerChart(readings, reasons, width) {
  if (readings.length === 0) return [el('p', { className: 'empty', text: 'No odometer reading yet.' })];

  const height = width < 560 ? 240 : 300;
  const margin = { top: 28, right: 24, bottom: 48, left: 64 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;

  const blocks = readings.map((reading) => reading.blockNumber);
  const firstBlock = Math.min(...blocks);
  const lastBlock = Math.max(...blocks);
  const band = lastBlock > firstBlock ? (lastBlock - firstBlock) / (2 * readings.length) : 1;
  const inBlock = new Map();
  for (const block of blocks) inBlock.set(block, (inBlock.get(block) ?? 0) + 1);
  const seen = new Map();
  const xs = blocks.map((block) => {
    const rank = seen.get(block) ?? 0;
    seen.set(block, rank + 1);
    return block + (rank / inBlock.get(block)) * band;
  });
  let [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  if (xMin === xMax) [xMin, xMax] = [xMin - 1, xMax + 1];
  // A little room inside the axes, so the first and last markers do not sit on them.
  const inset = 14;
  const x = (value) => margin.left + inset + ((value - xMin) / (xMax - xMin)) * (plotWidth - 2 * inset);

  const top = Math.max(...readings.flatMap((reading) => [reading.km, reading.trueKm]), 1);
  const step = niceStep(top, 4);
  const yMax = Math.ceil(top / step) * step;
  const y = (value) => margin.top + plotHeight - (value / yMax) * plotHeight;

  const flagged = readings.filter((reading) => reading.flagged).length;
  const title = svg('title', { id: 'chart-title' }, ['Odometer readings over time']);
  const desc = svg('desc', { id: 'chart-desc' }, [
    `${readings.length} readings from block ${lastBlock === firstBlock ? firstBlock : `${firstBlock} to block ${lastBlock}`}, `
    + `between ${km(Math.min(...readings.map((r) => r.km)))} and ${km(Math.max(...readings.map((r) => r.km)))} shown; `
    + `${flagged} flagged. The table below lists them.`,
  ]);

  const grid = [];
  for (let value = 0; value <= yMax; value += step) {
    grid.push(
      svg('line', { class: 'grid', x1: margin.left, x2: width - margin.right, y1: y(value), y2: y(value) }),
      svg('text', { class: 'tick', x: margin.left - 8, y: y(value), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, [numbers.format(value)]),
    );
  }
  const distinctBlocks = [...inBlock.keys()].sort((a, b) => a - b);
  const bottom = margin.top + plotHeight;
  const axes = [
    svg('line', { class: 'axis', x1: margin.left, x2: margin.left, y1: margin.top, y2: bottom }),
    svg('line', { class: 'axis', x1: margin.left, x2: width - margin.right, y1: bottom, y2: bottom }),
    svg('text', { class: 'axis-title', x: margin.left - 8, y: margin.top - 12, 'text-anchor': 'end' }, ['km']),
  ];
  if (distinctBlocks.length === 1) {
    // One block for every reading: a label under the whole axis rather than a lone tick.
    const [block] = distinctBlocks;
    axes.push(svg('text', { class: 'axis-title', x: margin.left + plotWidth / 2, y: bottom + 22, 'text-anchor': 'middle' }, [
      `all in block ${numbers.format(block)}${block === 0 ? ' (genesis)' : ''}`,
    ]));
  } else {
    const tickBlocks = distinctBlocks.length <= 6
      ? distinctBlocks
      : [0, 1, 2, 3, 4].map((i) => Math.round(firstBlock + (i / 4) * (lastBlock - firstBlock)));
    for (const block of tickBlocks) {
      const at = x(xs[blocks.indexOf(block)] ?? block);
      grid.push(
        svg('line', { class: 'axis-tick', x1: at, x2: at, y1: bottom, y2: bottom + 5 }),
        svg('text', { class: 'tick', x: at, y: bottom + 18, 'text-anchor': at > width - 60 ? 'end' : 'middle' }, [numbers.format(block)]),
      );
    }
    axes.push(svg('text', { class: 'axis-title', x: margin.left + plotWidth / 2, y: height - 8, 'text-anchor': 'middle' }, ['block']));
  }

  const line = (key, className) => svg('polyline', {
    class: className,
    points: readings.map((reading, i) => `${x(xs[i]).toFixed(1)},${y(reading[key]).toFixed(1)}`).join(' '),
  });

  const markers = readings.map((reading, i) => {
    const cx = x(xs[i]);
    const cy = y(reading.km);
    const label = `Reading #${reading.seq}: ${km(reading.km)} shown, ${km(reading.trueKm)} true, `
      + `${lowerFirst(when(reading.blockNumber, reading.timestamp))}, from ${humanize(reading.source).toLowerCase()}`;
    if (!reading.flagged) {
      return svg('circle', { class: 'point', cx, cy, r: 4 }, [svg('title', {}, [`${label}.`])]);
    }
    const reason = reasons.get(reading.seq) ?? `${humanize(reading.verdict)} (no reason given)`;
    const marker = svg('g', {
      class: 'flagged-marker',
      transform: `translate(${cx.toFixed(1)} ${cy.toFixed(1)})`,
      'data-testid': 'flagged-marker',
      'data-km': reading.km,
      'data-seq': reading.seq,
      'data-reason': reason,
      tabindex: 0,
      role: 'img',
      'aria-label': `Flagged: ${label}. ${reason}`,
    }, [
      svg('title', {}, [`Flagged: ${label}.\n${reason}`]),
      svg('path', { d: 'M0,-9 L9,0 L0,9 L-9,0 Z' }),
      svg('path', { class: 'cross', d: 'M-3.5,-3.5 L3.5,3.5 M3.5,-3.5 L-3.5,3.5' }),
    ]);
    // The label goes where the line does not: under a drop, over a jump.
    const dropped = i > 0 && readings[i - 1].km > reading.km;
    const below = dropped ? cy + 28 < bottom - 4 : cy - 22 < margin.top;
    const alignEnd = cx > margin.left + plotWidth / 2;
    const callout = svg('text', {
      class: 'flag-label',
      x: cx + (alignEnd ? 6 : -6),
      y: below ? cy + 28 : cy - 16,
      'text-anchor': alignEnd ? 'end' : 'start',
      'aria-hidden': 'true',
    }, [`${humanize(reading.verdict)}: ${km(reading.km)}`]);
    return svg('g', {}, [marker, callout]);
  });

  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': 'chart-title chart-desc',
    class: 'odometer-chart',
  }, [title, desc, ...grid, ...axes, line('trueKm', 'true-line'), line('km', 'shown-line'), ...markers]);

  const legend = el('ul', { className: 'legend' }, [
    el('li', {}, [legendMarker('shown'), 'Shown on the odometer']),
    el('li', {}, [legendMarker('true'), 'True km (the accepted history)']),
    el('li', {}, [legendMarker('flagged'), 'Flagged reading']),
  ]);
  const parts = [chart, legend];
  if (distinctBlocks.length < readings.length) {
    parts.push(el('figcaption', {
      text: 'Readings recorded in the same block are drawn side by side, in the order they were recorded.',
    }));
  }
  return parts;
}

/** The small symbols of the chart's legend, also used before each flag's reason. */
function legendMarker(kind) {
  const shapes = {
    shown: [svg('line', { class: 'shown-line', x1: 1, x2: 23, y1: 8, y2: 8 }), svg('circle', { class: 'point', cx: 12, cy: 8, r: 3.5 })],
    true: [svg('line', { class: 'true-line', x1: 1, x2: 23, y1: 8, y2: 8 })],
    flagged: [svg('g', { class: 'flagged-marker', transform: 'translate(12 8)' }, [
      svg('path', { d: 'M0,-7 L7,0 L0,7 L-7,0 Z' }),
      svg('path', { class: 'cross', d: 'M-2.5,-2.5 L2.5,2.5 M2.5,-2.5 L-2.5,2.5' }),
    ])],
  };
  return svg('svg', { class: 'legend-marker', viewBox: '0 0 24 16', width: 24, height: 16, 'aria-hidden': 'true' }, shapes[kind]);
}

function serviceRow(record) {
  const work = [el('span', { text: workKind(record.kind) })];
  if (record.odometerVerdict != null && record.odometerVerdict !== 'Accepted') {
    work.push(el('span', { className: 'tag tag-flagged', text: `odometer: ${humanize(record.odometerVerdict).toLowerCase()}` }));
  }
  if (record.corrects != null) work.push(el('span', { className: 'tag', text: `corrects #${record.corrects}` }));
  if (record.brandAuthorised) work.push(el('span', { className: 'tag', text: 'brand-authorised' }));
  const hash = record.documentHash ?? '';
  return el('tr', {}, [
    el('td', { text: String(record.id) }),
    el('td', { text: when(record.blockNumber, record.timestamp) }),
    el('td', { className: 'work' }, work),
    el('td', { className: 'num', text: km(record.odometerKm) }),
    el('td', {}, account(record.workshop, record.workshopName, { short: true })),
    el('td', {}, [el('code', {
      text: hash.length > 14 ? `${hash.slice(0, 8)}…${hash.slice(-4)}` : hash,
      attrs: { title: record.documentUri ? `${hash}\n${record.documentUri}` : hash },
    })]),
  ]);
}

function renderServiceRecords(serviceRecords, { append }) {
  const body = $('service-records').tBodies[0];
  const rows = serviceRecords.records.map(serviceRow);
  if (append) body.append(...rows);
  else body.replaceChildren(...rows);
  const shown = body.rows.length;
  const { total } = serviceRecords;
  $('service-summary').textContent = total === 0
    ? 'No service record yet.'
    : `${shown === total ? `All ${total}` : `The latest ${shown} of ${total}`} record${total === 1 ? '' : 's'}, newest first.`;
  show($('service-records'), total > 0);
  const older = $('older-records');
  older.dataset.next = serviceRecords.next ?? '';
  show(older, serviceRecords.next != null);
}

function renderInsurance({ insurance, token, at }) {
  const list = $('insurance');
  list.replaceChildren();
  show($('insurance-empty'), insurance == null);
  show(list, insurance != null);
  if (insurance == null) return;
  fact(list, 'Policy', `#${insurance.policyId}, product #${insurance.productId}`);
  fact(list, 'Insurer', account(insurance.insurer, insurance.insurerName), 'insurer');
  fact(list, 'Holder', account(insurance.holder));
  fact(list, 'Status', policyStatus(insurance.status), 'policy-status');
  fact(list, 'Prepaid', amount(insurance.prepaid, token));
  if (insurance.coverLeft != null) fact(list, 'Cover left', amount(insurance.coverLeft, token));
  if (insurance.startedAt != null) fact(list, 'Since', when(insurance.startedAt));
  if (insurance.periodEnd != null) {
    const driven = insurance.periodKm == null ? '' : `${km(insurance.periodKm)} driven, `;
    fact(list, 'This period', `${driven}ends at ${blockFromNow(insurance.periodEnd, at?.blockNumber)}`);
  }
}

function renderCharging({ charging, token }) {
  const list = $('charging');
  list.replaceChildren();
  fact(list, 'Sessions', numbers.format(charging.sessions));
  fact(list, 'Energy', `${numbers.format(charging.energyWh / 1000)} kWh`);
  fact(list, 'Spent', amount(charging.spent, token));
}

function renderSharing({ carSharing, token }) {
  const list = $('sharing');
  list.replaceChildren();
  show($('sharing-empty'), carSharing == null);
  show(list, carSharing != null);
  if (carSharing == null) return;
  fact(list, 'Co-op', `#${carSharing.coop} ${carSharing.coopName}`, 'sharing-coop');
  fact(list, 'Members', numbers.format(carSharing.members));
  fact(list, 'Trips', numbers.format(carSharing.trips), 'sharing-trips');
  fact(list, 'Driven on trips', km(carSharing.km));
  fact(list, 'Trip revenue', amount(carSharing.revenue, token));
  fact(list, 'Open bookings', numbers.format(carSharing.openBookings));
}

function renderRoad({ roadUsage, token }) {
  const list = $('road');
  list.replaceChildren();
  show($('road-empty'), roadUsage == null);
  show(list, roadUsage != null);
  if (roadUsage == null) return;
  fact(list, 'Toll provider', roadUsage.provider ? account(roadUsage.provider, null, { short: true }) : 'none', 'road-provider');
  fact(list, 'Prepaid tolls', amount(roadUsage.prepaid, token));
  fact(list, 'Tolls paid', amount(roadUsage.tollsPaid, token), 'road-paid');
  fact(list, 'Passages paid by the car', numbers.format(roadUsage.passages));
  fact(list, 'Days declared by providers', numbers.format(roadUsage.declarations));
  fact(list, 'Platoon', roadUsage.platoon == null ? 'none' : `#${roadUsage.platoon}`, 'road-platoon');
  fact(list, 'Led in platoons', km(roadUsage.kmLed));
  fact(list, 'Followed in platoons', km(roadUsage.kmFollowed));
}

const LEASE_STANDINGS = {
  Offered: 'Offered, not yet accepted',
  Current: 'Current: nothing overdue',
  Grace: 'An instalment is overdue (grace period)',
  Delinquent: 'An instalment is overdue past grace (notice period)',
  Defaulted: 'In default: the car may be immobilised until the lessee pays',
};

function renderLease({ leasing, token, at }) {
  const list = $('lease');
  list.replaceChildren();
  show($('lease-empty'), leasing == null);
  show(list, leasing != null);
  if (leasing == null) return;
  const now = at?.blockNumber;
  fact(list, 'Lease', `#${leasing.lease}`);
  fact(list, 'Lessor', account(leasing.lessor, null, { short: true }));
  fact(list, 'Paid to (lien holder)', account(leasing.holder, null, { short: true }), 'lease-holder');
  fact(list, 'Lessee', account(leasing.lessee, null, { short: true }));
  fact(list, 'Standing', LEASE_STANDINGS[leasing.standing] ?? humanize(leasing.standing), 'lease-standing');
  fact(list, 'Immobilisation authorised', leasing.immobilisationAuthorised ? 'yes' : 'no', 'lease-immobilisation');
  if (leasing.nextDue) fact(list, 'Next due', blockFromNow(leasing.nextDue.blockNumber, now));
  fact(list, 'Overdue', amount(leasing.overdue, token), 'lease-overdue');
  fact(list, 'Prepaid', amount(leasing.prepaid, token));
  fact(list, 'Paid so far', amount(leasing.paid, token));
  fact(list, 'Billed distance', km(leasing.kmBilled));
  fact(list, 'Ends', blockFromNow(leasing.end.blockNumber, now));
}

/** The shipments the vehicle carries now: their custody and conditions are on chain too. */
function renderFreight({ freight }) {
  const list = $('freight');
  const shipments = freight ?? [];
  list.replaceChildren();
  show($('freight-empty'), shipments.length === 0);
  show(list, shipments.length > 0);
  if (shipments.length === 0) return;
  fact(list, 'Shipments', shipments.map((id) => `#${id}`).join(', '), 'freight-shipments');
}

/** The installation the owner revealed: what the ECUs run and the RXSWIN (UN R156) it gives. */
function renderSoftware({ software, at }) {
  const list = $('software');
  list.replaceChildren();
  show($('software-empty'), software == null);
  show(list, software != null);
  if (software == null) return;
  const now = at?.blockNumber;
  fact(list, 'RXSWIN', software.rxswin ?? 'none (no campaign completed)', 'software-rxswin');
  fact(list, 'Campaign', software.campaign == null ? 'none' : `#${software.campaign}`);
  fact(list, 'Reported by the car', blockFromNow(software.reportedAt.blockNumber, now));
  fact(list, 'Revealed by the owner', blockFromNow(software.revealedAt.blockNumber, now));
  const images = software.images.map((image) =>
    `${image.hardwareId}: ${image.hash.slice(0, 10)}… ${image.current ? '(newest release)' : '(a newer release exists)'}`);
  fact(list, 'Installed images', images.join('; '), 'software-images');
  fact(list, 'Reports made', numbers.format(software.reports));
}

function renderListings({ dataListings, token }) {
  const listings = dataListings ?? [];
  $('listings').tBodies[0].replaceChildren(...listings.map((listing) => el('tr', {}, [
    el('td', { text: String(listing.id) }),
    el('td', { text: dataCategory(listing.category) }),
    el('td', { className: 'num', text: amount(listing.price, token) }),
    el('td', { text: `${numbers.format(listing.accessBlocks)} blocks (${duration(listing.accessBlocks)})` }),
  ])));
  show($('listings'), listings.length > 0);
  show($('listings-empty'), listings.length === 0);
}

/** Shows the passport, then fills it in: the chart takes the width of its now visible box. */
function renderPassport(passport, rpcUrl) {
  show($('passport'), true);
  renderAsOf(passport, rpcUrl);
  renderIdentity(passport);
  renderStatus(passport);
  renderOwnership(passport);
  renderOdometer(passport);
  renderServiceRecords(passport.serviceRecords, { append: false });
  renderInsurance(passport);
  renderCharging(passport);
  renderSharing(passport);
  renderRoad(passport);
  renderLease(passport);
  renderFreight(passport);
  renderSoftware(passport);
  renderListings(passport);
}

// ---------------------------------------------------------------------------------------
// Errors, the form and paging.

function showError(title, detail) {
  const box = $('error');
  box.replaceChildren(el('strong', { text: title }), ' ', el('span', { text: detail }));
  show(box, true);
}

function clearError() {
  $('error').replaceChildren();
  show($('error'), false);
}

function explain(error, key, rpcUrl) {
  const what = typeof key === 'number' ? `id ${key}` : `VIN ${key}`;
  if (error instanceof Unreachable) {
    return ['The node is unreachable.',
      `No answer from ${rpcUrl} (${error.message}). Is the node running (./scripts/dev-chain.sh), and does it accept requests from this page?`];
  }
  if (error instanceof RpcError) {
    switch (error.code) {
      case UNKNOWN_VEHICLE:
        return ['Unknown vehicle.', `No vehicle with ${what} is registered on this chain. Check the VIN for typing mistakes.`];
      case INVALID_PARAMS:
        return ['Not a valid VIN.', error.message || 'A VIN has 17 characters, digits and capital letters except I, O and Q.'];
      case METHOD_NOT_FOUND:
        return ['This node has no vehicle passport.', `The node at ${rpcUrl} does not offer ${METHOD}: it may be older than this page.`];
      default:
        return ['The node refused the request.', `Error ${error.code}: ${error.message}`];
    }
  }
  return ['Unexpected answer.', error.message];
}

/** The node's HTTP address: ws:// (as Polkadot.js apps takes it) becomes http://. */
function rpcAddress(text) {
  const url = new URL(text.trim() || DEFAULT_RPC);
  if (url.protocol === 'ws:') url.protocol = 'http:';
  if (url.protocol === 'wss:') url.protocol = 'https:';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('not http');
  return url.href.replace(/\/$/, '');
}

/** A vehicle id when the input is a number, else the VIN in capitals. */
function vehicleKey(text) {
  const trimmed = text.trim();
  return /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : trimmed.toUpperCase();
}

/** The passport shown now: where it came from, to fetch its older service records. */
let current = null;
let lookups = 0;

async function lookUp() {
  const lookup = ++lookups;
  const input = $('vin').value;
  let rpcUrl;
  try {
    rpcUrl = rpcAddress($('rpc').value);
  } catch {
    show($('passport'), false);
    showError('Not a node address.', `“${$('rpc').value}” is not an http:// or https:// URL.`);
    return;
  }
  if (!input.trim()) {
    show($('passport'), false);
    showError('No VIN.', 'Type the 17 characters of a VIN, or a vehicle id.');
    $('vin').focus();
    return;
  }
  const key = vehicleKey(input);
  const params = new URLSearchParams({ vin: String(key), rpc: rpcUrl });
  history.replaceState(null, '', `?${params.toString().replaceAll('%3A', ':').replaceAll('%2F', '/')}`);

  clearError();
  $('progress').textContent = `Asking the node at ${rpcUrl} for ${typeof key === 'number' ? `vehicle ${key}` : key}…`;
  $('show-button').disabled = true;
  try {
    const passport = await vehiclePassport(rpcUrl, key);
    if (lookup !== lookups) return;
    current = { key, rpcUrl, at: passport.at?.blockHash ?? null };
    renderPassport(passport, rpcUrl);
    $('progress').textContent = `Showing the passport of ${passport.identity.vin}.`;
  } catch (error) {
    if (lookup !== lookups) return;
    current = null;
    show($('passport'), false);
    $('progress').textContent = '';
    showError(...explain(error, key, rpcUrl));
  } finally {
    if (lookup === lookups) $('show-button').disabled = false;
  }
}

async function loadOlderRecords() {
  const button = $('older-records');
  const next = Number(button.dataset.next);
  if (!current || button.dataset.next === '' || Number.isNaN(next)) return;
  const { key, rpcUrl, at } = current;
  const lookup = lookups;
  button.disabled = true;
  button.textContent = 'Loading older records…';
  try {
    // Same block as the first page, so the pages fit together.
    const passport = await vehiclePassport(rpcUrl, key, at, next);
    if (lookup !== lookups) return;
    renderServiceRecords(passport.serviceRecords, { append: true });
  } catch (error) {
    if (lookup !== lookups) return;
    showError(...explain(error, key, rpcUrl));
  } finally {
    button.disabled = false;
    button.textContent = 'Older records';
  }
}

function start() {
  const query = new URLSearchParams(location.search);
  $('vin').value = query.get('vin') ?? '';
  $('rpc').value = query.get('rpc') ?? DEFAULT_RPC;
  $('lookup').addEventListener('submit', (event) => {
    event.preventDefault();
    lookUp();
  });
  $('older-records').addEventListener('click', loadOlderRecords);
  new ResizeObserver(() => {
    if (drawnChart && !$('passport').hidden && Math.abs($('chart').clientWidth - drawnChart.width) > 8) drawChart();
  }).observe($('chart'));
  if ($('vin').value) lookUp();
  else $('vin').focus();
}

start();
