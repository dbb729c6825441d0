//! How much the loader accepts: every size a content file or an image can ask for has a
//! limit here, so that nothing an author (or a broken file) writes can make the kiosk read,
//! decode or lay out without end. The authoring guide (`content/README.md`) lists them.

/// The largest content file read, in bytes. The Belize content is a few tens of KB; a file a
/// hundred times larger is still far more text than a kiosk can show.
pub const MAX_CONTENT_BYTES: u64 = 4 << 20;

/// The largest image file read, in bytes. A 24-megapixel photo saved as a good JPEG is
/// about 10 MB; a PNG map a few MB.
pub const MAX_IMAGE_BYTES: u64 = 50 << 20;

/// The most characters one text may have in one language. The longest paragraph in the
/// Belize content has a few hundred; a visitor standing at a screen reads a few hundred
/// characters at a time, so 2,000 (about 300 words) is a generous ceiling.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// The most items any list may have (languages, paragraphs, cards, facts, charts, bars,
/// vacancies, contact lines...). Screens show far fewer; the limit keeps what the kiosk
/// lays out bounded whatever the file asks for.
pub const MAX_LIST_ITEMS: usize = 100;

/// The most digits after the decimal point a chart shows.
pub const MAX_DECIMALS: u8 = 6;

/// The most digits a chart value may have, before and after the decimal point together
/// (with `decimals: 0`, up to 999,999,999,999,999). Past 15 digits a number is no longer
/// kept exactly, and its label is wider than any bar: such figures read better in a larger
/// unit (millions).
pub const MAX_CHART_DIGITS: u32 = 15;

/// The most bars one chart may have: the attract loop and the presenter draw a chart on one
/// screen, where a thirteenth bar leaves each too thin to read.
pub const MAX_BARS: usize = 12;

/// The most characters of a text that takes one line: a title, a heading, a label, a name,
/// a unit, a figure. The longest in the Belize content has under 70.
pub const MAX_LINE_CHARS: usize = 100;

/// The most line breaks (`\n`) a text that may take several lines (a paragraph, a card's
/// text) may have; more is a list, better written as paragraphs or cards.
pub const MAX_LINE_BREAKS: usize = 10;

/// The thousands separators a language may use: a comma, a point, an apostrophe (straight
/// or curly), a space, a no-break space or a narrow no-break space.
pub const THOUSANDS_SEPARATORS: [&str; 7] = [",", ".", "'", "\u{2019}", " ", "\u{a0}", "\u{202f}"];

/// The decimal separators a language may use: a point or a comma.
pub const DECIMAL_SEPARATORS: [&str; 2] = [".", ","];

/// The years a closing date may be in: anything else is a typo the kiosk cannot show
/// sensibly (a vacancy closing in year -9999, or in 20266).
pub const CLOSING_YEARS: std::ops::RangeInclusive<i16> = 2000..=2100;

/// Fact years outside these are taken, with a warning: probably a typo (`21`, `20211`).
pub const LIKELY_YEARS: std::ops::RangeInclusive<i32> = 1800..=2100;

/// The largest width or height of an image the loader accepts. JPEGs are decoded scaled
/// down, so even this size costs little memory.
pub const MAX_IMAGE_SIDE: u32 = 20_000;

/// The most pixels of an image decoded at full size before it is scaled: a PNG, or a
/// progressive or lossless JPEG (an ordinary JPEG is decoded scaled down).
pub const MAX_FULL_SIZE_PIXELS: u64 = 24_000_000;

/// Larger than any screen the kiosk supports: such an image works, but is only scaled
/// down, so `check` warns about the wasted space and time.
pub const LARGE_IMAGE_SIDE: u32 = 4096;

/// The most bytes a PNG decoder may hold for one pixel before it is converted to 8-bit
/// RGBA: a 16-bit RGBA PNG needs 8.
pub const MAX_PNG_BYTES_PER_PIXEL: u64 = 8;

/// The decoder's working room on top of the pixels (rows being unfiltered, palettes).
pub const DECODER_HEADROOM_BYTES: u64 = 16 << 20;

/// The most scans a JPEG may have: an ordinary JPEG has one to four, a progressive one
/// about ten; each scan is a pass over the whole image.
pub const MAX_JPEG_SCANS: usize = 100;

/// The most bytes of hidden data (Exif, XMP, colour profiles, comments) a JPEG may hold:
/// a camera's is well under 1 MB.
pub const MAX_JPEG_METADATA_BYTES: usize = 16 << 20;

/// Writes a byte count for an office user: `1.5 GB`, `4 MB`, `312 KB`, to a tenth, for
/// every count up to `u64::MAX` (16 EB, said in TB).
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [(u32, &str); 4] = [(40, "TB"), (30, "GB"), (20, "MB"), (10, "KB")];
    let Some((shift, name)) = UNITS.into_iter().find(|(shift, _)| bytes >> shift > 0) else {
        return format!("{bytes} bytes");
    };
    // In u128, so that a count near u64::MAX cannot overflow when multiplied by ten.
    let unit = 1u128 << shift;
    let tenths = (u128::from(bytes) * 10 + unit / 2) / unit;
    if tenths.is_multiple_of(10) {
        format!("{} {name}", tenths / 10)
    } else {
        format!("{}.{} {name}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_counts_read_as_an_office_user_would_say_them() {
        assert_eq!(human_bytes(512), "512 bytes");
        assert_eq!(human_bytes(MAX_CONTENT_BYTES), "4 MB");
        assert_eq!(human_bytes(MAX_IMAGE_BYTES), "50 MB");
        assert_eq!(human_bytes(1536 << 20), "1.5 GB");
        assert_eq!(human_bytes(31_000), "30.3 KB");
    }

    #[test]
    fn the_extremes_neither_overflow_nor_round_to_nothing() {
        assert_eq!(human_bytes(0), "0 bytes");
        assert_eq!(human_bytes(1023), "1023 bytes");
        assert_eq!(human_bytes(1024), "1 KB");
        // Just under a unit rounds up to "1024" of the one below, never to 0.
        assert_eq!(human_bytes((1 << 30) - 1), "1024 MB");
        assert_eq!(human_bytes(1 << 40), "1 TB");
        // 8 EiB, which overflowed to "0 GB".
        assert_eq!(human_bytes(8 << 60), "8388608 TB");
        assert_eq!(human_bytes(u64::MAX), "16777216 TB");
    }
}
