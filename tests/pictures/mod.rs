//! Pictures the tests make: real small ones, and hostile ones that lie about their size.

#![allow(dead_code, reason = "each test file uses some of these")]

/// A real picture of `width` × `height` pixels, encoded as `format`.
pub fn picture(width: u32, height: u32, format: image::ImageFormat) -> Vec<u8> {
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    }))
    .write_to(&mut std::io::Cursor::new(&mut out), format)
    .expect("encode");
    out
}

/// A PNG of a few dozen bytes whose header claims `width` × `height` pixels (with the header's
/// checksum right, so a decoder reads the size instead of refusing the chunk).
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = picture(1, 1, image::ImageFormat::Png);
    bytes[16..20].copy_from_slice(&width.to_be_bytes());
    bytes[20..24].copy_from_slice(&height.to_be_bytes());
    let mut crc = 0xffff_ffff_u32;
    for byte in &bytes[12..29] {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    bytes[29..33].copy_from_slice(&(!crc).to_be_bytes());
    bytes
}
