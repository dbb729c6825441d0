//! CMYK and YCCK JPEGs are drawn in the colours they print as. The `image` crate cannot
//! write such a JPEG, so the test writes one itself: an 8x8 baseline JPEG of one colour,
//! four components, each block only its DC value (the colour), quantised by 1, with
//! Huffman tables that give every DC size a 4-bit code and the end of a block one bit.

use office_kiosk::content::{ImageData, decode};

/// An 8x8 JPEG whose four components store `samples` everywhere; `adobe` adds Adobe's
/// segment with that colour transform (0 CMYK, 2 YCCK).
fn four_component_jpeg(samples: [u8; 4], adobe: Option<u8>) -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    let mut segment = |marker: u8, body: &[u8]| {
        out.extend_from_slice(&[0xFF, marker]);
        out.extend_from_slice(&u16::try_from(body.len() + 2).expect("short").to_be_bytes());
        out.extend_from_slice(body);
    };
    if let Some(transform) = adobe {
        segment(
            0xEE,
            &[b"Adobe".as_slice(), &[0, 100, 0, 0, 0, 0, transform]].concat(),
        );
    }
    // One quantisation table of ones.
    segment(0xDB, &[[0].as_slice(), &[1; 64]].concat());
    // Baseline frame: 8 bits, 8x8, four components with ids 1 to 4, no subsampling.
    let mut frame = vec![8, 0, 8, 0, 8, 4];
    for id in 1..=4 {
        frame.extend_from_slice(&[id, 0x11, 0]);
    }
    segment(0xC0, &frame);
    // DC table: twelve symbols (sizes 0 to 11), each a 4-bit code; AC table: end of block.
    let mut dc = vec![0x00, 0, 0, 0, 12];
    dc.extend_from_slice(&[0; 12]);
    dc.extend(0..12u8);
    segment(0xC4, &dc);
    let mut ac = vec![0x10, 1];
    ac.extend_from_slice(&[0; 15]);
    ac.push(0x00);
    segment(0xC4, &ac);
    let mut scan = vec![4];
    for id in 1..=4 {
        scan.extend_from_slice(&[id, 0x00]);
    }
    scan.extend_from_slice(&[0, 63, 0]);
    segment(0xDA, &scan);
    // The coded data: per component its DC size's code, its bits, and the end of block.
    let mut bits: Vec<bool> = Vec::new();
    let mut put = |value: u32, n: u32| {
        for i in (0..n).rev() {
            bits.push((value >> i) & 1 == 1);
        }
    };
    for sample in samples {
        let dc = (i32::from(sample) - 128) * 8;
        let size = 32 - dc.unsigned_abs().leading_zeros();
        put(size, 4);
        let amplitude = if dc >= 0 { dc } else { dc + (1 << size) - 1 };
        put(u32::try_from(amplitude).expect("non-negative"), size);
        put(0, 1);
    }
    while !bits.len().is_multiple_of(8) {
        bits.push(true);
    }
    for byte in bits.chunks(8) {
        let byte = byte.iter().fold(0u8, |acc, &b| (acc << 1) | u8::from(b));
        out.push(byte);
        if byte == 0xFF {
            out.push(0x00);
        }
    }
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

/// The colour the kiosk draws `bytes` in.
fn drawn(bytes: Vec<u8>) -> [u8; 3] {
    let pixels = decode("images/x.jpg", &ImageData::Embedded(bytes.leak()), 64).expect("decodes");
    assert_eq!((pixels.width, pixels.height), (8, 8));
    [pixels.rgba[0], pixels.rgba[1], pixels.rgba[2]]
}

fn assert_near(got: [u8; 3], want: [u8; 3], what: &str) {
    let close = got.iter().zip(want).all(|(&g, w)| g.abs_diff(w) <= 3);
    assert!(close, "{what}: drawn as {got:?}, prints as {want:?}");
}

#[test]
fn a_plain_cmyk_jpeg_is_drawn_in_its_colours() {
    // Stored as ink: 255 is full ink.
    assert_near(
        drawn(four_component_jpeg([255, 0, 0, 0], None)),
        [0, 255, 255],
        "cyan",
    );
    assert_near(
        drawn(four_component_jpeg([0, 255, 0, 0], None)),
        [255, 0, 255],
        "magenta",
    );
    assert_near(
        drawn(four_component_jpeg([0, 0, 0, 0], None)),
        [255, 255, 255],
        "paper",
    );
    assert_near(
        drawn(four_component_jpeg([0, 0, 0, 255], None)),
        [0, 0, 0],
        "black",
    );
    assert_near(
        drawn(four_component_jpeg([0, 0, 0, 128], None)),
        [127, 127, 127],
        "grey",
    );
}

#[test]
fn an_adobe_cmyk_jpeg_stored_inverted_is_drawn_in_its_colours() {
    // Adobe stores 255 less the ink.
    let adobe = |ink: [u8; 4]| four_component_jpeg(ink.map(|v| 255 - v), Some(0));
    assert_near(drawn(adobe([255, 0, 0, 0])), [0, 255, 255], "cyan");
    assert_near(drawn(adobe([0, 0, 255, 0])), [255, 255, 0], "yellow");
    assert_near(drawn(adobe([0, 0, 0, 0])), [255, 255, 255], "paper");
    assert_near(drawn(adobe([0, 0, 0, 255])), [0, 0, 0], "black");
    assert_near(drawn(adobe([64, 64, 64, 0])), [191, 191, 191], "light grey");
}

#[test]
fn a_ycck_jpeg_is_drawn_in_its_colours() {
    // YCCK: the ink's cyan, magenta and yellow as YCbCr, and Adobe's inverted black.
    // Cyan ink, (255, 0, 0), in YCbCr: 76, 85, 255.
    let ycck = |ycc: [u8; 3], black: u8| {
        four_component_jpeg([ycc[0], ycc[1], ycc[2], 255 - black], Some(2))
    };
    assert_near(drawn(ycck([76, 85, 255], 0)), [0, 255, 255], "cyan");
    assert_near(
        drawn(ycck([64, 128, 128], 0)),
        [191, 191, 191],
        "light grey",
    );
    assert_near(drawn(ycck([0, 128, 128], 255)), [0, 0, 0], "black");
    assert_near(drawn(ycck([0, 128, 128], 0)), [255, 255, 255], "paper");
}
