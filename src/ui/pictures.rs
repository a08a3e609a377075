//! The project's pictures as textures: decoded once (with the limits of
//! [`crate::file::picture`]), kept in egui's memory by picture id, and freed with it.

use std::collections::HashMap;
use std::sync::Arc;

use crate::layout::Picture;
use crate::model::ImageId;

/// Pictures larger than this are scaled down for the screen.
const SCREEN_SIDE: u32 = 512;

/// The textures made so far; `None` for a picture that did not decode (tried once only).
#[derive(Clone, Default)]
struct Textures(Arc<egui::mutex::Mutex<HashMap<ImageId, Option<egui::TextureHandle>>>>);

/// The texture of `picture`, made the first time it is asked for.
pub fn texture(ctx: &egui::Context, picture: &Picture) -> Option<egui::TextureId> {
    let textures = ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Textures>(egui::Id::NULL)
            .clone()
    });
    let mut textures = textures.0.lock();
    textures
        .entry(picture.id)
        .or_insert_with(|| {
            let rgba = crate::file::picture::decode_rgba(&picture.bytes, SCREEN_SIDE).ok()?;
            let size = [rgba.width() as usize, rgba.height() as usize];
            let image = egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw());
            Some(ctx.load_texture(
                format!("picture-{}", picture.id),
                image,
                egui::TextureOptions::LINEAR,
            ))
        })
        .as_ref()
        .map(egui::TextureHandle::id)
}

/// The part of a `width` × `height` picture that covers a box of `aspect` (width / height),
/// centred, in texture coordinates.
pub fn cover_uv(size: egui::Vec2, aspect: f32) -> egui::Rect {
    let picture_aspect = size.x / size.y.max(1.0);
    let (w, h) = if picture_aspect > aspect {
        (aspect / picture_aspect, 1.0)
    } else {
        (1.0, picture_aspect / aspect.max(f32::EPSILON))
    };
    egui::Rect::from_center_size(egui::pos2(0.5, 0.5), egui::vec2(w, h))
}

/// Paints `picture` covering `rect` with rounded corners; a grey box when it cannot be shown.
pub fn paint(
    painter: &egui::Painter,
    rect: egui::Rect,
    radius: f32,
    picture: &Picture,
) -> egui::Shape {
    let ctx = painter.ctx();
    match texture(ctx, picture) {
        Some(id) => {
            let size = ctx
                .tex_manager()
                .read()
                .meta(id)
                .map_or(egui::vec2(1.0, 1.0), |m| {
                    egui::vec2(m.size[0] as f32, m.size[1] as f32)
                });
            let uv = cover_uv(size, rect.width() / rect.height().max(f32::EPSILON));
            egui::epaint::RectShape::filled(rect, radius, egui::Color32::WHITE)
                .with_texture(id, uv)
                .into()
        }
        None => egui::Shape::rect_filled(rect, radius, egui::Color32::GRAY),
    }
}
