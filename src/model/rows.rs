//! Records the book holds by the hundred thousand are written as rows (tuples) in the data
//! file: named fields doubled their text and most of its parse. Older files wrote them with
//! named fields, which still read.

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Error, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::marker::PhantomData;

/// Reads a record written as a row `R` (this version) or with named fields `N` (older
/// versions; `()` is every field at its default). `row` may refuse what it read. A binary
/// form holds rows only.
pub fn row_or_named<'de, D, R, N, T>(d: D, what: &'static str, row: fn(R) -> Result<T, String>) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    R: Deserialize<'de>,
    N: Deserialize<'de> + Default + Into<T>,
{
    struct Either<R, N, T> {
        what: &'static str,
        row: fn(R) -> Result<T, String>,
        forms: PhantomData<N>,
    }
    impl<'de, R: Deserialize<'de>, N: Deserialize<'de> + Default + Into<T>, T> Visitor<'de> for Either<R, N, T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.what)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
            (self.row)(R::deserialize(SeqAccessDeserializer::new(seq))?).map_err(A::Error::custom)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            Ok(N::deserialize(MapAccessDeserializer::new(map))?.into())
        }
        fn visit_unit<E: Error>(self) -> Result<T, E> {
            Ok(N::default().into())
        }
    }
    // A binary form (the snapshot) has no names to tell the forms by, and only ever rows.
    if !d.is_human_readable() {
        return row(R::deserialize(d)?).map_err(D::Error::custom);
    }
    d.deserialize_any(Either { what, row, forms: PhantomData::<N> })
}
