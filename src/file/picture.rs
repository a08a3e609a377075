//! Pictures in a project (persona photos): read from the user's file or from the project with
//! limits, so a small file that claims a huge picture is refused before anything is allocated,
//! and stored small (a square JPEG), so a project stays light enough to email.

use std::io::Cursor;

use base64::Engine as _;
use image::{DynamicImage, ImageFormat, ImageReader, RgbaImage};

use crate::model::EmbeddedImage;

/// The widest and tallest picture that is decoded at all.
pub const MAX_SIDE: u32 = 12_000;
/// The most a picture file may hold before it is read.
pub const MAX_FILE_BYTES: usize = 30 * 1024 * 1024;
/// The side of the square a photo is stored at: sharp on an A4 persona sheet's portrait
/// (about 4 cm) and on a poster's title block.
pub const PHOTO_SIDE: u32 = 384;
/// The most memory one decode may take.
pub const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// Why a picture cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PictureError {
    #[error("it is not a PNG or JPEG picture")]
    NotAPicture,
    #[error("the file is {size_mb} MB; pictures up to {limit_mb} MB can be used")]
    FileTooLarge { size_mb: usize, limit_mb: usize },
    #[error(
        "the picture is {width} × {height} pixels; pictures up to {MAX_SIDE} × {MAX_SIDE} pixels can be used"
    )]
    TooManyPixels { width: u32, height: u32 },
    #[error(
        "the picture is {width} × {height} pixels, more than can be opened at once ({} MB)",
        MAX_ALLOC / (1024 * 1024)
    )]
    TooLargeToOpen { width: u32, height: u32 },
    #[error("the picture is damaged ({0})")]
    Damaged(String),
}

/// A reader for `bytes` that knows its format from the bytes themselves, with limits (only
/// the memory limit when `sides` is false, so the header can tell how large it claims to be).
fn reader(bytes: &[u8], sides: bool) -> Result<ImageReader<Cursor<&[u8]>>, PictureError> {
    let format = image::guess_format(bytes).map_err(|_| PictureError::NotAPicture)?;
    if !matches!(format, ImageFormat::Png | ImageFormat::Jpeg) {
        return Err(PictureError::NotAPicture);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    if sides {
        limits.max_image_width = Some(MAX_SIDE);
        limits.max_image_height = Some(MAX_SIDE);
    }
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    Ok(reader)
}

/// The picture's size in pixels, read from its header only.
pub fn dimensions(bytes: &[u8]) -> Result<(u32, u32), PictureError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(PictureError::FileTooLarge {
            size_mb: bytes.len().div_ceil(1024 * 1024),
            limit_mb: MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    let (width, height) = reader(bytes, false)?
        .into_dimensions()
        .map_err(|e| PictureError::Damaged(e.to_string()))?;
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(PictureError::TooManyPixels { width, height });
    }
    if width == 0 || height == 0 {
        return Err(PictureError::Damaged("it has no pixels".to_owned()));
    }
    Ok((width, height))
}

/// Decodes a picture whose size [`dimensions`] accepts.
fn decode(bytes: &[u8]) -> Result<DynamicImage, PictureError> {
    let (width, height) = dimensions(bytes)?;
    reader(bytes, true)?.decode().map_err(|e| match e {
        // Within the sides, so it is the memory a decode may take.
        image::ImageError::Limits(_) => PictureError::TooLargeToOpen { width, height },
        other => PictureError::Damaged(other.to_string()),
    })
}

/// The pixels of a picture, no larger than `max_side` on either side (for the screen).
pub fn decode_rgba(bytes: &[u8], max_side: u32) -> Result<RgbaImage, PictureError> {
    let picture = decode(bytes)?;
    let picture = if picture.width() > max_side || picture.height() > max_side {
        picture.thumbnail(max_side, max_side)
    } else {
        picture
    };
    Ok(picture.to_rgba8())
}

/// A photo from the user's file, cropped to its middle square, scaled to [`PHOTO_SIDE`] and
/// stored as a JPEG named `name`.
pub fn import_photo(bytes: &[u8], name: &str) -> Result<EmbeddedImage, PictureError> {
    let picture = decode(bytes)?;
    let side = picture.width().min(picture.height());
    let square = picture.crop_imm(
        (picture.width() - side) / 2,
        (picture.height() - side) / 2,
        side,
        side,
    );
    let small = if side > PHOTO_SIDE {
        square.resize_exact(
            PHOTO_SIDE,
            PHOTO_SIDE,
            image::imageops::FilterType::Lanczos3,
        )
    } else {
        square
    };
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
        .encode_image(&small.to_rgb8())
        .map_err(|e| PictureError::Damaged(e.to_string()))?;
    Ok(EmbeddedImage {
        name: name.chars().take(200).collect(),
        mime: "image/jpeg".to_owned(),
        data_base64: base64::engine::general_purpose::STANDARD.encode(&jpeg),
        ..EmbeddedImage::default()
    })
}

/// The encoded bytes of an image stored in a project, or `None` when its base64 is broken
/// (a loaded project has been validated, so that does not happen).
pub fn bytes_of(image: &EmbeddedImage) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD
        .decode(image.data_base64.as_bytes())
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        RgbaImage::from_fn(width, height, |x, y| {
            image::Rgba([(x % 256) as u8, (y % 256) as u8, 128, 255])
        })
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .expect("encode");
        out
    }

    /// A valid PNG header that claims `width` × `height`, with no pixel data after it.
    fn claiming(width: u32, height: u32) -> Vec<u8> {
        let mut out = png(1, 1);
        out[16..20].copy_from_slice(&width.to_be_bytes());
        out[20..24].copy_from_slice(&height.to_be_bytes());
        // The header's checksum, so the decoder reads the size instead of refusing the chunk.
        let crc = crc32(&out[12..29]);
        out[29..33].copy_from_slice(&crc.to_be_bytes());
        out
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xffff_ffff_u32;
        for byte in data {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn a_photo_is_stored_as_a_small_square_jpeg() {
        let image = import_photo(&png(900, 600), "anna.png").expect("a good photo");
        assert_eq!(image.mime, "image/jpeg");
        assert_eq!(image.name, "anna.png");
        let long = import_photo(&png(8, 8), &"é".repeat(300)).expect("ok");
        assert_eq!(long.name, "é".repeat(200));
        let bytes = bytes_of(&image).expect("base64");
        assert_eq!(dimensions(&bytes), Ok((PHOTO_SIDE, PHOTO_SIDE)));
        // A small photo is not blown up.
        let small = bytes_of(&import_photo(&png(40, 60), "x").expect("ok")).expect("b64");
        assert_eq!(dimensions(&small), Ok((40, 40)));
    }

    #[test]
    fn a_small_file_claiming_a_huge_picture_is_refused_by_its_header() {
        let hostile = claiming(65_535, 65_535);
        assert!(hostile.len() < 100);
        assert_eq!(
            dimensions(&hostile),
            Err(PictureError::TooManyPixels {
                width: 65_535,
                height: 65_535
            })
        );
        let err = import_photo(&hostile, "x").expect_err("refused");
        assert!(err.to_string().contains("65535 × 65535"), "{err}");
        assert!(decode_rgba(&hostile, 64).is_err());
    }

    #[test]
    fn not_a_picture_and_damaged_pictures_are_named() {
        assert_eq!(
            import_photo(b"hello world", "x"),
            Err(PictureError::NotAPicture)
        );
        let mut cut = png(50, 50);
        cut.truncate(cut.len() / 2);
        assert!(matches!(
            import_photo(&cut, "x"),
            Err(PictureError::Damaged(_))
        ));
        // A picture that claims a reasonable size but holds nothing is damaged, not a hang.
        assert!(matches!(
            import_photo(&claiming(4000, 4000), "x"),
            Err(PictureError::Damaged(_))
        ));
    }
    #[test]
    fn a_picture_too_wide_or_too_tall_is_refused_and_one_at_the_limit_is_not() {
        assert_eq!(dimensions(&claiming(MAX_SIDE, 1)), Ok((MAX_SIDE, 1)));
        assert_eq!(dimensions(&claiming(1, MAX_SIDE)), Ok((1, MAX_SIDE)));
        for (width, height) in [(MAX_SIDE + 1, 1), (1, MAX_SIDE + 1)] {
            assert_eq!(
                dimensions(&claiming(width, height)),
                Err(PictureError::TooManyPixels { width, height })
            );
        }
    }

    /// Within the sides but more than a decode may take: the message names the picture's own
    /// size and the memory limit, not a size it does not have.
    #[test]
    fn a_picture_too_large_to_open_is_named_by_its_real_size() {
        let big = claiming(MAX_SIDE, MAX_SIDE);
        assert_eq!(dimensions(&big), Ok((MAX_SIDE, MAX_SIDE)));
        let err = import_photo(&big, "x").expect_err("refused");
        assert_eq!(
            err,
            PictureError::TooLargeToOpen {
                width: MAX_SIDE,
                height: MAX_SIDE
            }
        );
        assert_eq!(
            err.to_string(),
            "the picture is 12000 × 12000 pixels, more than can be opened at once (512 MB)"
        );
        assert_eq!(decode_rgba(&big, 64).map(|_| ()), Err(err));
    }

    #[test]
    fn a_file_over_thirty_mebibytes_is_refused_before_it_is_read() {
        let mut bytes = png(2, 2);
        bytes.resize(MAX_FILE_BYTES, 0);
        assert_eq!(MAX_FILE_BYTES, 30 * 1024 * 1024);
        assert_eq!(dimensions(&bytes), Ok((2, 2)));
        bytes.push(0);
        assert_eq!(
            dimensions(&bytes),
            Err(PictureError::FileTooLarge {
                size_mb: 31,
                limit_mb: 30
            })
        );
    }

    #[test]
    fn the_screen_gets_a_picture_no_larger_than_asked_and_a_small_one_as_it_is() {
        let size = |w, h| {
            let p = decode_rgba(&png(w, h), 64).expect("decodes");
            (p.width(), p.height())
        };
        assert_eq!(size(100, 50), (64, 32));
        assert_eq!(size(50, 100), (32, 64));
        assert_eq!(size(40, 30), (40, 30));
    }

    /// Three bands: the photo keeps the middle one, whichever way the picture is long.
    #[test]
    fn a_photo_keeps_its_middle_square() {
        let band = |i: u32| match i / 400 {
            0 => image::Rgba([255, 0, 0, 255]),
            1 => image::Rgba([0, 0, 255, 255]),
            _ => image::Rgba([0, 255, 0, 255]),
        };
        for (w, h) in [(1200, 400), (400, 1200)] {
            let mut bytes = Vec::new();
            RgbaImage::from_fn(w, h, |x, y| band(if w > h { x } else { y }))
                .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
                .expect("encode");
            let photo = import_photo(&bytes, "banden.png").expect("a photo");
            let pixels = decode_rgba(&bytes_of(&photo).expect("base64"), PHOTO_SIDE).expect("ok");
            for (x, y) in [
                (2, 2),
                (PHOTO_SIDE - 3, PHOTO_SIDE - 3),
                (PHOTO_SIDE / 2, 2),
            ] {
                let [r, g, b, _] = pixels.get_pixel(x, y).0;
                assert!(
                    b > 200 && r < 60 && g < 60,
                    "{w}×{h} at {x},{y}: {r},{g},{b}"
                );
            }
        }
    }
}
