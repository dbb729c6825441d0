//! Content images: decoded on a background thread at the size they are drawn, uploaded
//! once by egui's texture loader, and shown with a placeholder while loading or if broken.
//!
//! [`ContentImages`] is an egui image loader for `content-image://` URIs. A URI names one
//! version of one file and a size class, so a changed file gets a new URI and a texture of
//! the old one is forgotten when the content is replaced.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, MutexGuard};

use eframe::egui::load::{
    ImageLoadResult, ImageLoader, ImagePoll, LoadError, SizeHint, TexturePoll,
};
use eframe::egui::{self, Align2, ColorImage, Rect, Sense, TextureOptions, Vec2};

use crate::content::{Image, ImageData};
use crate::theme::{Theme, space};

const SCHEME: &str = "content-image://";

/// Sizes images are decoded at: the drawn size, rounded up to one of these, so small layout
/// changes do not decode again.
const SIZE_CLASSES: [u32; 5] = [256, 512, 1024, 2048, 4096];

enum Entry {
    Pending,
    Ready(Arc<ColorImage>),
    /// Handed to egui's texture loader, which keeps the texture; no CPU copy is kept.
    Uploaded,
    Failed(String),
}

struct Job {
    uri: String,
    rel: String,
    data: ImageData,
    max_side: u32,
    ctx: egui::Context,
}

#[derive(Default)]
struct State {
    /// What each registered URI reads.
    sources: HashMap<String, (String, ImageData, u32)>,
    entries: HashMap<String, Entry>,
}

/// How a content image was last drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageShown {
    /// Its placeholder, while it decodes.
    Loading,
    /// The picture, from a texture of this many pixels.
    Picture {
        /// Width and height of the decoded texture.
        size: [usize; 2],
    },
    /// The broken-image placeholder: it cannot be decoded.
    Broken,
}

/// The loader of content images; register it once with [`ContentImages::install`].
pub struct ContentImages {
    state: Arc<Mutex<State>>,
    jobs: Mutex<Option<mpsc::Sender<Job>>>,
    decodes: Arc<AtomicUsize>,
    /// How each image (by its path in the content) was last drawn.
    shown: Mutex<HashMap<String, ImageShown>>,
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    // A panic while holding the lock leaves plain data behind; keep using it.
    state
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl ContentImages {
    /// Creates the loader and registers it with `ctx`.
    pub fn install(ctx: &egui::Context) -> Arc<Self> {
        let loader = Arc::new(Self {
            state: Arc::default(),
            jobs: Mutex::new(None),
            decodes: Arc::default(),
            shown: Mutex::default(),
        });
        ctx.add_image_loader(loader.clone());
        loader
    }

    /// How many images have been decoded so far.
    pub fn decode_count(&self) -> usize {
        self.decodes.load(Ordering::Relaxed)
    }

    /// How the image at `path` (as the content names it) was last drawn, if it was.
    pub fn shown(&self, path: &str) -> Option<ImageShown> {
        self.shown
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(path)
            .cloned()
    }

    fn record(&self, path: &str, shown: ImageShown) {
        let mut all = self
            .shown
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if all.get(path) != Some(&shown) {
            all.insert(path.to_owned(), shown);
        }
    }

    /// The URI for `image` drawn at most `max_side` pixels, registering it.
    pub fn uri(&self, image: &Image, max_side_px: f32) -> String {
        let wanted = max_side_px.ceil().max(1.0) as u32;
        let class = SIZE_CLASSES
            .into_iter()
            .find(|c| *c >= wanted)
            .unwrap_or(SIZE_CLASSES[SIZE_CLASSES.len() - 1]);
        let stamp = match &image.data {
            ImageData::Embedded(_) => 0,
            ImageData::File { stamp, .. } => *stamp,
        };
        let uri = format!("{SCHEME}{stamp:x}/{class}/{}", image.path);
        lock(&self.state)
            .sources
            .entry(uri.clone())
            .or_insert_with(|| (image.path.clone(), image.data.clone(), class));
        uri
    }

    /// Forgets every image not in `keep` (after the content was replaced), so its
    /// texture and pixels are freed.
    pub fn retain<'a>(&self, ctx: &egui::Context, keep: impl Iterator<Item = &'a Image>) {
        let keep: Vec<(&str, &ImageData)> = keep.map(|i| (i.path.as_str(), &i.data)).collect();
        let gone: Vec<String> = {
            let mut state = lock(&self.state);
            let gone: Vec<String> = state
                .sources
                .iter()
                .filter(|(_, (rel, data, _))| !keep.iter().any(|(r, d)| r == rel && *d == data))
                .map(|(uri, _)| uri.clone())
                .collect();
            for uri in &gone {
                state.sources.remove(uri);
                state.entries.remove(uri);
            }
            gone
        };
        for uri in gone {
            ctx.forget_image(&uri);
        }
    }

    fn send(&self, job: Job) {
        let mut jobs = self
            .jobs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if jobs.is_none() {
            *jobs = self.spawn_worker();
        }
        let failed = match jobs.as_ref() {
            Some(sender) => sender.send(job).err().map(|e| e.0),
            None => Some(job),
        };
        if let Some(job) = failed {
            lock(&self.state).entries.insert(
                job.uri,
                Entry::Failed("the image decoder is not running".into()),
            );
        }
    }

    /// One background thread decodes images one at a time, so a huge photo never holds up
    /// a frame and never decodes in parallel with another.
    fn spawn_worker(&self) -> Option<mpsc::Sender<Job>> {
        let (sender, receiver) = mpsc::channel::<Job>();
        let state = Arc::clone(&self.state);
        let decodes = Arc::clone(&self.decodes);
        let spawned = std::thread::Builder::new()
            .name("image-decoder".into())
            .spawn(move || {
                for job in receiver {
                    let result = crate::content::decode(&job.rel, &job.data, job.max_side);
                    let entry = match result {
                        Ok(pixels) => Entry::Ready(Arc::new(ColorImage::from_rgba_unmultiplied(
                            [pixels.width as usize, pixels.height as usize],
                            &pixels.rgba,
                        ))),
                        Err(problem) => {
                            tracing::error!("{problem}");
                            Entry::Failed(problem.to_string())
                        }
                    };
                    let mut state = lock(&state);
                    // The content may have been replaced meanwhile.
                    if state.sources.contains_key(&job.uri) {
                        state.entries.insert(job.uri, entry);
                    }
                    drop(state);
                    // Counted once its result is in place: a count seen means a frame can
                    // show it.
                    decodes.fetch_add(1, Ordering::Relaxed);
                    job.ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => Some(sender),
            Err(e) => {
                tracing::error!("cannot start the image decoder: {e}");
                None
            }
        }
    }
}

impl ImageLoader for ContentImages {
    fn id(&self) -> &'static str {
        "office_kiosk::ContentImages"
    }

    fn load(&self, ctx: &egui::Context, uri: &str, _size_hint: SizeHint) -> ImageLoadResult {
        if !uri.starts_with(SCHEME) {
            return Err(LoadError::NotSupported);
        }
        let mut state = lock(&self.state);
        match state.entries.get(uri) {
            Some(Entry::Ready(image)) => {
                return Ok(ImagePoll::Ready {
                    image: Arc::clone(image),
                });
            }
            Some(Entry::Pending) => return Ok(ImagePoll::Pending { size: None }),
            Some(Entry::Failed(reason)) => return Err(LoadError::Loading(reason.clone())),
            // Asked again although uploaded: the texture was dropped; decode it again.
            Some(Entry::Uploaded) | None => {}
        }
        let Some((rel, data, max_side)) = state.sources.get(uri).cloned() else {
            return Err(LoadError::Loading(format!(
                "{uri} is not part of the content"
            )));
        };
        state.entries.insert(uri.to_owned(), Entry::Pending);
        drop(state);
        self.send(Job {
            uri: uri.to_owned(),
            rel,
            data,
            max_side,
            ctx: ctx.clone(),
        });
        Ok(ImagePoll::Pending { size: None })
    }

    fn forget(&self, uri: &str) {
        // The texture loader calls this once the texture is uploaded: drop the CPU copy,
        // but remember the URI is done so it is not decoded again.
        let mut state = lock(&self.state);
        if matches!(state.entries.get(uri), Some(Entry::Ready(_))) {
            state.entries.insert(uri.to_owned(), Entry::Uploaded);
        }
    }

    fn forget_all(&self) {
        lock(&self.state).entries.clear();
    }

    fn byte_size(&self) -> usize {
        lock(&self.state)
            .entries
            .values()
            .map(|e| match e {
                Entry::Ready(image) => image.pixels.len() * 4,
                Entry::Pending | Entry::Uploaded | Entry::Failed(_) => 0,
            })
            .sum()
    }

    fn has_pending(&self) -> bool {
        lock(&self.state)
            .entries
            .values()
            .any(|e| matches!(e, Entry::Pending))
    }
}

/// Draws `image` scaled to fit `max` (keeping its aspect), with its alt text for screen
/// readers; a placeholder of the same size while it loads or if it cannot be shown.
pub fn picture_ui(
    ui: &mut egui::Ui,
    images: &ContentImages,
    theme: &Theme,
    image: &Image,
    alt: &str,
    max: Vec2,
) -> egui::Response {
    let natural = Vec2::new(image.width as f32, image.height as f32);
    let scale = (max.x / natural.x).min(max.y / natural.y).min(1.5);
    let size = natural * scale;
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, alt));
    if ui.is_rect_visible(rect) {
        let texture_px = size * ui.ctx().pixels_per_point();
        paint_picture(ui, images, theme, image, rect, texture_px);
    }
    response
}

/// Paints `image` into `rect`, from its texture made for `texture_px` pixels: a picture
/// that changes size (a slow zoom) keeps one texture, never loading it again.
pub fn paint_picture(
    ui: &egui::Ui,
    images: &ContentImages,
    theme: &Theme,
    image: &Image,
    rect: Rect,
    texture_px: Vec2,
) {
    let uri = images.uri(image, texture_px.max_elem());
    let hint = SizeHint::Size {
        width: texture_px.x.ceil() as u32,
        height: texture_px.y.ceil() as u32,
        maintain_aspect_ratio: true,
    };
    let shown = match ui
        .ctx()
        .try_load_texture(&uri, TextureOptions::LINEAR, hint)
    {
        Ok(TexturePoll::Ready { texture }) => {
            let size = [texture.size.x as usize, texture.size.y as usize];
            egui::Image::from_texture(texture)
                .corner_radius(space::RADIUS)
                .paint_at(ui, rect);
            ImageShown::Picture { size }
        }
        Ok(TexturePoll::Pending { .. }) => {
            placeholder(ui, theme, rect, false);
            ImageShown::Loading
        }
        Err(_) => {
            placeholder(ui, theme, rect, true);
            ImageShown::Broken
        }
    };
    images.record(&image.path, shown);
}

/// A calm panel in the image's place: an image icon while loading, a broken one on failure.
fn placeholder(ui: &egui::Ui, theme: &Theme, rect: Rect, broken: bool) {
    let painter = ui.painter();
    painter.rect_filled(rect, space::RADIUS, theme.primary_soft);
    painter.rect_stroke(
        rect,
        space::RADIUS,
        theme.card_stroke(),
        egui::StrokeKind::Inside,
    );
    let icon = if broken {
        egui_material_icons::icons::ICON_BROKEN_IMAGE
    } else {
        egui_material_icons::icons::ICON_IMAGE
    };
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        icon.codepoint,
        Theme::icon_font(rect.size().min_elem().clamp(24.0, 96.0)),
        theme.text_muted,
    );
}
