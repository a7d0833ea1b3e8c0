//! Reads a program's bytes as choices. Past the end every read is zero, so any byte string is a
//! valid program: the generator never fails, it only makes worse guesses.

pub struct Source<'a> {
	bytes: &'a [u8],
	pos: usize,
}

impl<'a> Source<'a> {
	pub fn new(bytes: &'a [u8]) -> Self {
		Self { bytes, pos: 0 }
	}

	/// Whether every byte has been read.
	pub fn is_empty(&self) -> bool {
		self.pos >= self.bytes.len()
	}

	pub fn byte(&mut self) -> u8 {
		let byte = self.bytes.get(self.pos).copied().unwrap_or(0);
		self.pos = self.pos.saturating_add(1);
		byte
	}

	pub fn u16(&mut self) -> u16 {
		u16::from_le_bytes([self.byte(), self.byte()])
	}

	pub fn bool(&mut self) -> bool {
		self.byte() & 1 == 1
	}

	/// True `num` times in 256.
	pub fn chance(&mut self, num: u8) -> bool {
		self.byte() < num
	}

	/// A number below `n` (0 if `n` is 0).
	pub fn below(&mut self, n: usize) -> usize {
		if n == 0 {
			0
		} else {
			usize::from(self.u16()) % n
		}
	}

	/// One of `options`, which must not be empty.
	pub fn pick<T: Clone>(&mut self, options: &[T]) -> T {
		options[self.below(options.len())].clone()
	}

	/// `Some` of `value` three times in four.
	pub fn some<T>(&mut self, value: T) -> Option<T> {
		(self.byte() >= 64).then_some(value)
	}

	/// `Some` of what `value` makes three times in four.
	pub fn maybe<T>(&mut self, value: impl FnOnce(&mut Self) -> T) -> Option<T> {
		let value = value(self);
		self.some(value)
	}
}
