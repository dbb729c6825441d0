//! Content files and images on disk: folders, paths that leave them, broken images.

use office_kiosk::content::{EMBEDDED_RON, FileError, LoadError, ProblemKind, Source, load};

use crate::{
    Folder, edited, embedded_content, manifest_path, map_png, office_image, office_image_position,
    only, only_problem, position_of, problems_with, without_image_sources,
};

#[test]
fn loading_a_copy_of_the_content_folder_works() {
    let folder = Folder::new(EMBEDDED_RON);
    let content = load(&folder.file()).expect("the copy is valid");
    // Images were read from the copy's folder, not the working directory's `content/`.
    assert_eq!(
        without_image_sources(content.clone()),
        without_image_sources(embedded_content())
    );
    let map = content.contact.map.expect("the contact map");
    assert_eq!(map.path, "images/belize-map.png");
    assert!(map.width > 0);
    assert!(matches!(
        map.data,
        office_kiosk::content::ImageData::File { .. }
    ));
}

#[test]
fn image_paths_are_relative_to_the_content_file() {
    // The same file one folder deeper, with its images beside it, also loads.
    let root = tempfile::tempdir().expect("a temp dir");
    let deeper = root.path().join("a/b");
    std::fs::create_dir_all(deeper.join("images")).expect("folders");
    std::fs::write(deeper.join("kiosk.ron"), EMBEDDED_RON).expect("write");
    std::fs::write(deeper.join("images/belize-map.png"), map_png()).expect("copy");
    assert!(load(&deeper.join("kiosk.ron")).is_ok());

    // Without the images beside it, both images are unreadable.
    std::fs::remove_file(deeper.join("images/belize-map.png")).expect("remove");
    let error = load(&deeper.join("kiosk.ron")).expect_err("no images");
    let paths: Vec<_> = error
        .problems()
        .iter()
        .map(|p| match &p.kind {
            ProblemKind::ImageUnreadable { path, .. } => path.as_str(),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(paths, ["images/belize-map.png", "images/belize-map.png"]);
    let file = deeper.join("kiosk.ron").display().to_string();
    assert!(error.problems().iter().all(|p| p.file == file));
}

#[test]
fn load_of_a_missing_file_is_unreadable() {
    let root = tempfile::tempdir().expect("a temp dir");
    let path = root.path().join("nowhere.ron");
    match load(&path) {
        Err(error @ LoadError::Unreadable { .. }) => {
            assert!(error.problems().is_empty());
            let message = error.to_string();
            assert!(message.contains("nowhere.ron"), "{message}");
            if let LoadError::Unreadable {
                path: given,
                reason,
            } = &error
            {
                assert_eq!(given, &path.display().to_string());
                assert!(matches!(reason, FileError::Missing), "{reason:?}");
            }
        }
        other => panic!("expected Unreadable, got {other:?}"),
    }
}

#[test]
fn a_missing_image_is_unreadable() {
    let text = office_image("images/missing.png");
    let folder = Folder::new(&text);
    let problem = only(folder.load_problems());
    match &problem.kind {
        ProblemKind::ImageUnreadable { path, reason } => {
            assert_eq!(path, "images/missing.png");
            assert!(!reason.is_empty());
        }
        other => panic!("expected ImageUnreadable, got {other:?}"),
    }
    assert_eq!(problem.position, Some(office_image_position(&text)));
    assert_eq!(problem.file, folder.file().display().to_string());

    // The same through `parse` with a folder source.
    let via_parse = only(problems_with(&text, &Source::folder(folder.content())));
    assert_eq!(via_parse.kind, problem.kind);
    assert_eq!(via_parse.position, problem.position);
}

#[test]
fn a_missing_embedded_image_is_unreadable() {
    let text = office_image("images/missing.png");
    let problem = only_problem(&text);
    assert!(
        matches!(&problem.kind, ProblemKind::ImageUnreadable { path, .. } if path == "images/missing.png"),
        "{problem:?}"
    );
}

fn assert_undecodable(rel: &str, bytes: &[u8]) {
    let text = office_image(rel);
    let folder = Folder::new(&text);
    folder.write(rel, bytes);
    let problem = only(folder.load_problems());
    match &problem.kind {
        ProblemKind::ImageUndecodable { path, reason } => {
            assert_eq!(path, rel);
            assert!(!reason.is_empty());
        }
        other => panic!("{rel}: expected ImageUndecodable, got {other:?}"),
    }
    assert_eq!(problem.position, Some(office_image_position(&text)));
}

#[test]
fn a_text_file_named_png_is_undecodable() {
    assert_undecodable("images/notes.png", b"This is not an image.\n");
}

#[test]
fn an_empty_png_is_undecodable() {
    assert_undecodable("images/empty.png", b"");
}

#[test]
fn a_truncated_png_is_undecodable() {
    let png = map_png();
    assert!(png.len() > 200);
    assert_undecodable("images/truncated.png", &png[..200]);
}

#[test]
fn image_paths_with_dot_dot_or_absolute_escape() {
    let outside_abs = manifest_path("content/images/belize-map.png")
        .display()
        .to_string();
    for rel in [
        "../belize-map.png",
        "images/../../belize-map.png",
        outside_abs.as_str(),
        "",
    ] {
        let text = office_image(rel);
        let folder = Folder::new(&text);
        // The file exists outside the folder, so only the escape stops it.
        std::fs::write(folder.root.path().join("belize-map.png"), map_png()).expect("copy");
        let problem = only(folder.load_problems());
        assert_eq!(problem.kind, ProblemKind::PathEscapes(rel.into()), "{rel}");
        assert_eq!(
            problem.position,
            Some(office_image_position(&text)),
            "{rel}"
        );
        // The embedded source refuses them just the same.
        assert_eq!(
            only_problem(&text).kind,
            ProblemKind::PathEscapes(rel.into())
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_folder_escapes() {
    let text = office_image("images/link.png");
    let folder = Folder::new(&text);
    let outside = folder.root.path().join("outside.png");
    std::fs::write(&outside, map_png()).expect("copy");
    std::os::unix::fs::symlink(&outside, folder.content().join("images/link.png"))
        .expect("symlink");
    let problem = only(folder.load_problems());
    assert_eq!(
        problem.kind,
        ProblemKind::PathEscapes("images/link.png".into())
    );
    assert_eq!(problem.position, Some(office_image_position(&text)));
}

#[cfg(unix)]
#[test]
fn a_symlink_inside_the_folder_is_followed() {
    let text = office_image("images/link.png");
    let folder = Folder::new(&text);
    std::os::unix::fs::symlink("belize-map.png", folder.content().join("images/link.png"))
        .expect("symlink");
    let content = load(&folder.file()).expect("a link inside the folder is fine");
    let image = content.office.image.expect("the office image");
    assert_eq!(image.path, "images/link.png");
    // The link resolves to the same file as the map.
    assert_eq!(image.data, content.contact.map.expect("the map").data);
}

#[test]
fn image_problems_are_reported_with_text_problems() {
    let text = edited(&[
        (
            "image: Some(Image(\n            path: \"images/belize-map.png\"",
            "image: Some(Image(\n            path: \"images/gone.png\"",
        ),
        ("value: 46390.0", "value: -46390.0"),
    ]);
    let folder = Folder::new(&text);
    let problems = folder.load_problems();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(matches!(
        problems[0].kind,
        ProblemKind::ImageUnreadable { .. }
    ));
    assert_eq!(problems[0].position, Some(office_image_position(&text)));
    assert!(matches!(
        problems[1].kind,
        ProblemKind::NegativeValue { .. }
    ));
    assert_eq!(problems[1].position, Some(position_of(&text, "-46390.0")));
}
