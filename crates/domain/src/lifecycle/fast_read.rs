//! The quick way to read a lifecycle case. A registry's whole history runs to tens of megabytes
//! (a million events), and building a JSON tree of it costs several times what the rule does. So
//! a well-formed case in the plain shape every writer produces (whole-number levels, strings
//! without escapes, no repeated keys) is read straight into its structs; anything else is given
//! up on, and the tree reader ([`LifecycleCase::read`]) reads the case again and names the place
//! of any problem. This reader therefore accepts only cases the tree reader accepts, and reads
//! them to the same case: a property test holds the two together.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::case::{MAX_DEPENDENCIES, MAX_EVENTS, MAX_REGISTRATIONS};
use super::{EventKind, LifecycleCase, LifecycleEvent, Registration};
use crate::case::bounds::MAX_ID_CHARS;
use crate::date::CalendarDate;
use crate::fast_hash::FastSet;
use crate::level::Level;

/// A JSON value as far as this reader cares: a string without escapes, a whole number, null, or
/// anything else (which sends the case to the tree reader when it matters).
#[derive(Debug, Clone, Copy)]
enum Plain<'a> {
    Text(&'a str),
    Whole(u64),
    Null,
    Other,
}

struct PlainVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for PlainVisitor<'a> {
    type Value = Plain<'a>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Plain<'a>, E> {
        Ok(Plain::Text(text))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Plain<'a>, E> {
        Ok(Plain::Other)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Plain<'a>, E> {
        Ok(Plain::Whole(value))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Plain<'a>, E> {
        Ok(Plain::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Plain<'a>, E> {
        Ok(Plain::Other)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Plain<'a>, E> {
        Ok(Plain::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Plain<'a>, E> {
        Ok(Plain::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Plain<'a>, E> {
        Ok(Plain::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Plain<'a>, D::Error> {
        inner.deserialize_any(PlainVisitor(std::marker::PhantomData))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Plain<'a>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Plain::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Plain<'a>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Plain::Other)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Plain<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Plain<'a>, D::Error> {
        deserializer.deserialize_any(PlainVisitor(std::marker::PhantomData))
    }
}

/// An object, and only an object: derived structs would also read an array of their fields in
/// order, which the tree reader refuses.
struct Object<T>(T);

struct ObjectVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = Object<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Object<T>, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Object)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Object<T>, D::Error> {
        deserializer.deserialize_map(ObjectVisitor(std::marker::PhantomData))
    }
}

#[derive(Deserialize)]
struct PlainCase<'a> {
    #[serde(borrow)]
    as_of: Plain<'a>,
    #[serde(borrow)]
    registrations: Vec<Object<PlainRegistration<'a>>>,
    #[serde(borrow)]
    events: Vec<Object<PlainEvent<'a>>>,
}

#[derive(Deserialize)]
struct PlainRegistration<'a> {
    #[serde(borrow)]
    service: Plain<'a>,
    #[serde(borrow)]
    level: Plain<'a>,
    #[serde(borrow)]
    valid_until: Plain<'a>,
    #[serde(borrow, default)]
    depends_on: Option<Vec<Plain<'a>>>,
    #[serde(borrow, default)]
    underlying_evaluated_in_audit: Option<Vec<Plain<'a>>>,
}

#[derive(Deserialize)]
struct PlainEvent<'a> {
    #[serde(borrow)]
    on: Plain<'a>,
    #[serde(borrow)]
    service: Plain<'a>,
    #[serde(borrow)]
    kind: Plain<'a>,
    #[serde(borrow, default)]
    valid_until: Option<Plain<'a>>,
    #[serde(borrow, default)]
    level: Option<Plain<'a>>,
}

/// The case, when it is well formed and plain; `None` sends it to the tree reader.
pub(super) fn read_plain(text: &str) -> Option<LifecycleCase> {
    let Object(plain): Object<PlainCase<'_>> = serde_json::from_str(text).ok()?;
    if plain.registrations.len() > MAX_REGISTRATIONS || plain.events.len() > MAX_EVENTS {
        return None;
    }
    let as_of = date(plain.as_of)?;
    let mut listed = FastSet::default();
    let mut registrations = Vec::with_capacity(plain.registrations.len());
    for Object(registration) in &plain.registrations {
        let service = id(registration.service)?;
        if !listed.insert(service.to_owned()) {
            return None;
        }
        registrations.push(Registration {
            service: service.to_owned(),
            level: level(registration.level)?,
            valid_until: date(registration.valid_until)?,
            depends_on: ids(registration.depends_on.as_deref())?,
            underlying_evaluated_in_audit: ids(registration
                .underlying_evaluated_in_audit
                .as_deref())?,
        });
    }
    let all_listed = registrations
        .iter()
        .flat_map(|registration| &registration.depends_on)
        .all(|dependency| listed.contains(dependency));
    if !all_listed {
        return None;
    }
    let mut events = Vec::with_capacity(plain.events.len());
    for Object(event) in &plain.events {
        let service = id(event.service)?;
        if !listed.contains(service) {
            return None;
        }
        let Plain::Text(kind) = event.kind else {
            return None;
        };
        let (_, kind) = EventKind::NAMES.iter().find(|(name, _)| *name == kind)?;
        let (valid_until, renewed_level) = if *kind == EventKind::RenewalRegistered {
            let valid_until = date(event.valid_until?)?;
            let renewed_level = match event.level {
                None | Some(Plain::Null) => None,
                Some(given) => Some(level(given)?),
            };
            (Some(valid_until), renewed_level)
        } else {
            (None, None)
        };
        events.push(LifecycleEvent {
            on: date(event.on)?,
            service: service.to_owned(),
            kind: *kind,
            valid_until,
            level: renewed_level,
        });
    }
    Some(LifecycleCase {
        as_of,
        registrations,
        events,
    })
}

fn date(value: Plain<'_>) -> Option<CalendarDate> {
    match value {
        Plain::Text(text) => CalendarDate::parse(text),
        _ => None,
    }
}

/// As [`crate::case::Node::id`] reads one: at most [`MAX_ID_CHARS`] characters, not blank.
fn id(value: Plain<'_>) -> Option<&str> {
    let Plain::Text(text) = value else {
        return None;
    };
    let too_long = text.len() > MAX_ID_CHARS && text.chars().count() > MAX_ID_CHARS;
    (!too_long && !text.trim().is_empty()).then_some(text)
}

fn ids(list: Option<&[Plain<'_>]>) -> Option<Vec<String>> {
    let Some(list) = list else {
        return Some(Vec::new());
    };
    if list.len() > MAX_DEPENDENCIES {
        return None;
    }
    list.iter()
        .map(|value| id(*value).map(str::to_owned))
        .collect()
}

fn level(value: Plain<'_>) -> Option<Level> {
    match value {
        Plain::Whole(number) => u8::try_from(number).ok().and_then(Level::new),
        _ => None,
    }
}
