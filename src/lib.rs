//! Klantreis: an offline editor for customer journey maps, customer experience maps and
//! service blueprints.
//!
//! Data flows one way: [`file`](mod@file) reads a [`model::Project`]; [`layout`] computes its geometry;
//! [`render`] paints it into a [`render::Scene`] that the canvas ([`ui`]) and the exports draw.

rust_i18n::i18n!("locales", fallback = "en");

pub mod analysis;
pub mod cli;
pub mod compare;
pub mod data;
pub mod dates;
pub mod edit;
pub mod export;
pub mod file;
pub mod fonts;
pub mod i18n;
pub mod import;
pub mod layout;
pub mod merge;
pub mod model;
pub mod render;
pub mod report;
pub mod sample;
pub mod templates;
pub mod ui;
