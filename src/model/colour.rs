//! A plain RGB colour, stored as `"#rrggbb"` in the file.

use std::fmt;
use std::str::FromStr;

/// An sRGB colour without alpha. The model keeps colours as data; the theme turns them into paint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

impl FromStr for Rgb {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let hex = s
            .strip_prefix('#')
            .ok_or_else(|| format!("colour {s:?} must start with '#'"))?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!("colour {s:?} must look like \"#rrggbb\""));
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|e| e.to_string());
        Ok(Self(channel(0)?, channel(2)?, channel(4)?))
    }
}

impl serde::Serialize for Rgb {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Rgb {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let c: Rgb = "#1a2B3c".parse().unwrap();
        assert_eq!(c, Rgb(0x1a, 0x2b, 0x3c));
        assert_eq!(c.to_string(), "#1a2b3c");
        assert!("1a2b3c".parse::<Rgb>().is_err());
        assert!("#1a2b3".parse::<Rgb>().is_err());
        assert!("#gggggg".parse::<Rgb>().is_err());
        assert!("#ééé".parse::<Rgb>().is_err());
    }
}
