//! Hash maps and sets keyed by ids, with a faster hasher than the standard one. Reading and
//! deciding a 100,000-service cascade hashes ids hundreds of thousands of times; foldhash keeps
//! per-process random seeds, so crafted ids still cannot force collisions cheaply.

pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub type FastSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
