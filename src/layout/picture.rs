//! A picture from the project (a persona's photo) as the layout places it and the painter
//! draws it: its encoded bytes, shared, and what kind they are.

use std::sync::Arc;

use crate::model::{EmbeddedImage, ImageId, Project};

/// An encoded picture, cheap to clone.
#[derive(Clone, PartialEq, Eq)]
pub struct Picture {
    pub id: ImageId,
    /// JPEG when true, PNG otherwise.
    pub jpeg: bool,
    pub bytes: Arc<[u8]>,
}

impl std::fmt::Debug for Picture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Picture({}, {} bytes)", self.id, self.bytes.len())
    }
}

impl Picture {
    /// The picture stored as `image`, when its data decodes.
    pub fn of(image: &EmbeddedImage) -> Option<Self> {
        use base64::Engine as _;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(image.data_base64.as_bytes())
            .ok()?;
        Some(Self {
            id: image.id,
            jpeg: image.mime == "image/jpeg",
            bytes: bytes.into(),
        })
    }

    /// The project's picture `id`.
    pub fn find(project: &Project, id: ImageId) -> Option<Self> {
        project
            .images
            .iter()
            .find(|i| i.id == id)
            .and_then(Self::of)
    }

    /// Its MIME type.
    pub fn mime(&self) -> &'static str {
        if self.jpeg { "image/jpeg" } else { "image/png" }
    }
}
