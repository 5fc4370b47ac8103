//! Compact serialization of postings, as four streams of LEB128 varints one after the other, so
//! that each holds numbers of one kind and compresses well (brotli finds the regularities of each):
//! per term the number of postings; per posting the unit as a difference from the previous one;
//! per posting the number of positions; per position the difference from the previous one. A
//! header gives the number of terms and the byte length of the first three streams.

use super::Postings;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

fn put(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[inline]
fn get(bytes: &[u8], at: &mut usize) -> Option<u32> {
    // Most numbers take one byte.
    let first = *bytes.get(*at)?;
    if first < 0x80 {
        *at += 1;
        return Some(u32::from(first));
    }
    let mut v: u32 = 0;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

/// Encodes all postings into one byte string.
pub fn encode(postings: &Postings) -> Vec<u8> {
    let (mut lens, mut units, mut counts, mut positions) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for list in postings.iter() {
        put(&mut lens, list.len() as u32);
        let mut unit = 0;
        for (u, ps) in list.iter() {
            put(&mut units, u - unit);
            unit = u;
            put(&mut counts, ps.len() as u32);
            let mut pos = 0;
            for &x in ps {
                put(&mut positions, x - pos);
                pos = x;
            }
        }
    }
    let mut out =
        Vec::with_capacity(lens.len() + units.len() + counts.len() + positions.len() + 20);
    put(&mut out, postings.len() as u32);
    for stream in [&lens, &units, &counts] {
        put(&mut out, stream.len() as u32);
    }
    for stream in [lens, units, counts, positions] {
        out.extend(stream);
    }
    out
}

/// Reads `n` numbers written as differences from the previous one (the first from 0) and
/// appends them to `out`; `None` unless they strictly ascend.
fn ascending(bytes: &[u8], at: &mut usize, n: usize, out: &mut Vec<u32>) -> Option<()> {
    let mut v = 0u32;
    for k in 0..n {
        let delta = get(bytes, at)?;
        if k > 0 && delta == 0 {
            return None;
        }
        v = v.checked_add(delta)?;
        out.push(v);
    }
    Some(())
}

/// Decodes what [`encode`] wrote; `None` if the bytes are damaged (units or positions out of
/// order included).
pub fn decode(bytes: &[u8]) -> Option<Postings> {
    let mut at = 0;
    let terms = get(bytes, &mut at)? as usize;
    let mut starts = [0usize; 4];
    let mut next = 0usize;
    for s in starts.iter_mut().take(3) {
        *s = next;
        next = next.checked_add(get(bytes, &mut at)? as usize)?;
    }
    starts[3] = next;
    let body = bytes.get(at..)?;
    if next > body.len() {
        return None;
    }
    let [mut l, mut u, mut c, mut x] = starts;
    let (lens, units, counts, positions) = (
        &body[..starts[1]],
        &body[..starts[2]],
        &body[..starts[3]],
        body,
    );
    // Each posting and position takes at least one byte: the streams' lengths bound the
    // arrays, so damaged counts cannot make them huge.
    let mut out = Postings {
        term_start: Vec::with_capacity(terms.min(starts[1]) + 1),
        units: Vec::with_capacity(starts[2] - starts[1]),
        pos_start: Vec::with_capacity(starts[2] - starts[1] + 1),
        positions: Vec::with_capacity(body.len() - starts[3]),
    };
    out.term_start.push(0);
    out.pos_start.push(0);
    for _ in 0..terms {
        let n = get(lens, &mut l)? as usize;
        ascending(units, &mut u, n, &mut out.units)?;
        for _ in 0..n {
            let m = get(counts, &mut c)? as usize;
            ascending(positions, &mut x, m, &mut out.positions)?;
            out.pos_start.push(u32::try_from(out.positions.len()).ok()?);
        }
        out.term_start.push(u32::try_from(out.units.len()).ok()?);
    }
    (l == starts[1] && u == starts[2] && c == starts[3] && x == body.len()).then_some(out)
}

pub(super) fn serialize<S: Serializer>(postings: &Postings, s: S) -> Result<S::Ok, S::Error> {
    encode(postings).serialize(s)
}

pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Postings, D::Error> {
    let bytes = <&[u8]>::deserialize(d)?;
    decode(bytes).ok_or_else(|| serde::de::Error::custom("damaged postings"))
}
