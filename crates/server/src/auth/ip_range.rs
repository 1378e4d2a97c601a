//! Address ranges in CIDR form (`10.0.0.0/8`, `2001:db8::/32`, or one address), for the
//! `trusted_proxies` setting.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpRange {
    /// The first address of the range (host bits cleared).
    network: IpAddr,
    /// How many leading bits every address of the range shares with `network`.
    prefix: u8,
}

/// Why a text is not an address range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IpRangeError {
    #[error("\"{0}\" is not an IP address")]
    Address(String),
    #[error("\"{0}\" is not a prefix length for this kind of address")]
    Prefix(String),
}

impl IpRange {
    /// Whether `address` lies in the range; an IPv4 address written as IPv6 (`::ffff:a.b.c.d`)
    /// counts as the IPv4 address.
    pub fn contains(&self, address: IpAddr) -> bool {
        match (self.network, address.to_canonical()) {
            (IpAddr::V4(network), IpAddr::V4(address)) => {
                mask(u128::from(u32::from(address)), 32, self.prefix)
                    == u128::from(u32::from(network))
            }
            (IpAddr::V6(network), IpAddr::V6(address)) => {
                mask(u128::from(address), 128, self.prefix) == u128::from(network)
            }
            _ => false,
        }
    }
}

/// `bits` of an address `width` bits wide, keeping the first `prefix` of them.
fn mask(bits: u128, width: u32, prefix: u8) -> u128 {
    let host_bits = width.saturating_sub(u32::from(prefix));
    bits.checked_shr(host_bits)
        .and_then(|kept| kept.checked_shl(host_bits))
        .unwrap_or(0)
}

impl FromStr for IpRange {
    type Err = IpRangeError;

    fn from_str(text: &str) -> Result<IpRange, IpRangeError> {
        let text = text.trim();
        let (address, prefix) = match text.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text, None),
        };
        let address: IpAddr = address
            .parse()
            .map_err(|_| IpRangeError::Address(address.to_owned()))?;
        let address = address.to_canonical();
        let width: u8 = if address.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => width,
            Some(prefix) => prefix
                .parse::<u8>()
                .ok()
                .filter(|bits| *bits <= width && !prefix.starts_with('+'))
                .ok_or_else(|| IpRangeError::Prefix(prefix.to_owned()))?,
        };
        let network = match address {
            IpAddr::V4(v4) => {
                let bits = mask(u128::from(u32::from(v4)), 32, prefix);
                IpAddr::V4(u32::try_from(bits).unwrap_or(0).into())
            }
            IpAddr::V6(v6) => IpAddr::V6(mask(u128::from(v6), 128, prefix).into()),
        };
        Ok(IpRange { network, prefix })
    }
}

impl fmt::Display for IpRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(text: &str) -> IpRange {
        text.parse().unwrap()
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn ranges_hold_the_addresses_they_name_and_no_others() {
        let cases = [
            ("10.0.0.0/8", "10.255.1.2", true),
            ("10.0.0.0/8", "11.0.0.1", false),
            ("192.0.2.7", "192.0.2.7", true),
            ("192.0.2.7", "192.0.2.8", false),
            ("192.0.2.7/24", "192.0.2.200", true),
            ("0.0.0.0/0", "203.0.113.9", true),
            ("0.0.0.0/0", "2001:db8::1", false),
            ("172.16.0.0/12", "::ffff:172.20.1.1", true),
            ("2001:db8::/32", "2001:db8:ffff::1", true),
            ("2001:db8::/32", "2001:db9::1", false),
            ("::1", "::1", true),
            ("::/0", "fe80::1", true),
        ];
        for (text, address, inside) in cases {
            assert_eq!(
                range(text).contains(ip(address)),
                inside,
                "{address} in {text}"
            );
        }
        assert_eq!(range("192.0.2.77/24").to_string(), "192.0.2.0/24");
        assert_eq!(range(" ::ffff:192.0.2.1 ").to_string(), "192.0.2.1/32");
    }

    #[test]
    fn malformed_ranges_are_refused() {
        for (text, error) in [
            ("10.0.0.0/33", IpRangeError::Prefix("33".into())),
            ("::/129", IpRangeError::Prefix("129".into())),
            ("10.0.0.0/", IpRangeError::Prefix(String::new())),
            ("10.0.0.0/+8", IpRangeError::Prefix("+8".into())),
            (
                "proxy.example",
                IpRangeError::Address("proxy.example".into()),
            ),
            ("10.0.0/8", IpRangeError::Address("10.0.0".into())),
            ("", IpRangeError::Address(String::new())),
            // An IPv4 range is written as IPv4.
            ("::ffff:10.0.0.0/104", IpRangeError::Prefix("104".into())),
        ] {
            assert_eq!(text.parse::<IpRange>(), Err(error), "{text}");
        }
    }
}
