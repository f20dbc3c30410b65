//! Windows line endings read as Unix ones: the `csv` crate counts the lines of a file
//! written with `\r\n` one short from the second record on, so that an error would name
//! the line above the bad one. Reading `\r\n` as `\n` keeps every line number right; a
//! `\r` alone (old Mac files) is left as it is, and the reader still ends a record there.
//! Inside a quoted cell a `\r\n` is text (a quote typed on Windows), and stays as it is.

use std::io::{self, Read};

/// Bytes read at a time from the file.
const BUFFER: usize = 64 * 1024;

/// `inner` with each `\r\n` outside quotes read as `\n`.
pub(crate) struct UnixLineEndings<R> {
    inner: R,
    buffer: Vec<u8>,
    at: usize,
    filled: usize,
    ended: bool,
    /// Inside a quoted cell: after an odd number of `"` (a doubled `""` inside a cell
    /// toggles twice, so the count stays right). A stray `"` in an unquoted cell, which
    /// the reader takes as text, leaves the `\r\n`s after it as they are: the reader
    /// still ends its records there, only an error's line may then be one short.
    quoted: bool,
}

impl<R: Read> UnixLineEndings<R> {
    pub(crate) fn new(inner: R) -> UnixLineEndings<R> {
        UnixLineEndings {
            inner,
            buffer: vec![0; BUFFER],
            at: 0,
            filled: 0,
            ended: false,
            quoted: false,
        }
    }

    /// Reads more of the file after the first `keep` bytes of the buffer.
    fn refill(&mut self, keep: usize) -> io::Result<()> {
        let read = self.inner.read(&mut self.buffer[keep..])?;
        self.ended = read == 0;
        self.at = 0;
        self.filled = keep + read;
        Ok(())
    }
}

impl<R: Read> Read for UnixLineEndings<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut written = 0;
        while written < out.len() {
            if self.at == self.filled {
                if self.ended || written > 0 {
                    break;
                }
                self.refill(0)?;
                continue;
            }
            let byte = self.buffer[self.at];
            if byte == b'"' {
                self.quoted = !self.quoted;
            }
            if byte == b'\r' && !self.quoted {
                if self.at + 1 < self.filled {
                    if self.buffer[self.at + 1] == b'\n' {
                        self.at += 1;
                        continue;
                    }
                } else if !self.ended {
                    // A `\r` last in the buffer: what follows decides.
                    if written > 0 {
                        break;
                    }
                    self.buffer[0] = b'\r';
                    self.refill(1)?;
                    continue;
                }
            }
            out[written] = byte;
            written += 1;
            self.at += 1;
        }
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything `text` reads as, `chunk` bytes at a time from a reader that gives at
    /// most `given` bytes a call.
    fn read_all(text: &[u8], given: usize, chunk: usize) -> Vec<u8> {
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(self.1).min(out.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut reader = UnixLineEndings::new(Trickle(text, given));
        let mut all = Vec::new();
        let mut piece = vec![0; chunk];
        loop {
            let n = reader.read(&mut piece).unwrap();
            if n == 0 {
                return all;
            }
            all.extend_from_slice(&piece[..n]);
        }
    }

    #[test]
    fn crlf_reads_as_lf_wherever_the_reads_split_it() {
        let text = b"a,b\r\n1,2\r\n\"x\"\"\",3\r\n";
        for given in 1..=text.len() {
            for chunk in 1..=4 {
                assert_eq!(read_all(text, given, chunk), b"a,b\n1,2\n\"x\"\"\",3\n");
            }
        }
    }

    #[test]
    fn crlf_in_a_quoted_cell_is_text_and_stays() {
        let text = b"a,b\r\n\"x\r\n\"\"y\r\n\",3\r\n";
        for given in 1..=text.len() {
            for chunk in 1..=4 {
                assert_eq!(read_all(text, given, chunk), b"a,b\n\"x\r\n\"\"y\r\n\",3\n");
            }
        }
    }

    #[test]
    fn a_lone_cr_is_kept_even_last_in_the_file() {
        assert_eq!(read_all(b"a\rb\r", 1, 1), b"a\rb\r");
        assert_eq!(read_all(b"a\r\r\nb", 2, 3), b"a\r\nb");
    }
}
