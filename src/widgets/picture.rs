//! Content images as GPU textures: uploaded once per decoded image, drawn to fit.

use std::collections::HashMap;
use std::sync::Arc;

use eframe::egui::{self, ColorImage, TextureHandle, TextureOptions, Vec2};

use crate::content::{Image, Pixels};

/// Textures for the content's images, keyed by path; a texture is replaced only when
/// its image's pixels change (after a content reload), so nothing is uploaded twice.
#[derive(Default)]
pub struct TextureCache {
    textures: HashMap<String, (Arc<Pixels>, TextureHandle)>,
}

impl TextureCache {
    /// The texture for `image`, uploading it on first use.
    pub fn get(&mut self, ctx: &egui::Context, image: &Image) -> TextureHandle {
        if let Some((pixels, texture)) = self.textures.get(&image.path)
            && Arc::ptr_eq(pixels, &image.pixels)
        {
            return texture.clone();
        }
        let pixels = &image.pixels;
        let color = ColorImage::from_rgba_unmultiplied(
            [pixels.width as usize, pixels.height as usize],
            &pixels.rgba,
        );
        let texture = ctx.load_texture(&image.path, color, TextureOptions::LINEAR);
        self.textures
            .insert(image.path.clone(), (Arc::clone(pixels), texture.clone()));
        texture
    }

    /// Drops textures of images no longer in `keep`.
    pub fn retain(&mut self, keep: &[&Image]) {
        self.textures.retain(|path, (pixels, _)| {
            keep.iter()
                .any(|i| &i.path == path && Arc::ptr_eq(&i.pixels, pixels))
        });
    }

    /// How many textures are held.
    pub fn len(&self) -> usize {
        self.textures.len()
    }

    /// Whether no texture is held.
    pub fn is_empty(&self) -> bool {
        self.textures.is_empty()
    }
}

/// Draws `image` scaled to fit `max` (keeping its aspect), with its alt text for screen readers.
pub fn picture_ui(
    ui: &mut egui::Ui,
    textures: &mut TextureCache,
    image: &Image,
    alt: &str,
    max: Vec2,
) -> egui::Response {
    let texture = textures.get(ui.ctx(), image);
    let size = texture.size_vec2();
    let scale = (max.x / size.x).min(max.y / size.y).min(1.5);
    ui.add(
        egui::Image::new(&texture)
            .fit_to_exact_size(size * scale)
            .corner_radius(crate::theme::space::RADIUS)
            .alt_text(alt),
    )
}
