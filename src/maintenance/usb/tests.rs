//! Tests of content folders on sticks, their check, and the export.

use super::*;

#[test]
fn finds_content_folders_on_sticks_with_their_office_and_languages() {
    let tmp = tempfile::tempdir().expect("tmp");
    let media = tmp.path().join("media");
    // A stick mounted by udisks with content one folder down, and one with content
    // at its top; a stick without content; a broken content folder.
    crate::content::write_starter(&media.join("kiosk/STICK/belize")).expect("content");
    crate::content::write_starter(&media.join("OTHER")).expect("content");
    std::fs::create_dir_all(media.join("kiosk/EMPTY/photos")).expect("dirs");
    std::fs::create_dir_all(media.join("kiosk/BROKEN")).expect("dirs");
    std::fs::write(media.join("kiosk/BROKEN").join(CONTENT_FILE), "(").expect("write");

    let roots = [media.clone(), tmp.path().join("run/media")];
    let found = find(&roots);
    let folders: Vec<_> = found.iter().map(|f| f.folder.clone()).collect();
    assert_eq!(
        folders,
        vec![
            media.join("OTHER"),
            media.join("kiosk/BROKEN"),
            media.join("kiosk/STICK/belize")
        ]
    );
    assert_eq!(found[0].languages, vec!["en", "es"]);
    assert!(found[0].office.as_deref().is_some_and(|o| !o.is_empty()));
    assert_eq!(found[1].office, None, "broken content has no name yet");
}

#[test]
fn sticks_are_the_mounted_folders_and_take_a_file_whole() {
    let tmp = tempfile::tempdir().expect("tmp");
    let media = tmp.path().join("media");
    for dir in ["kiosk/STICK", "kiosk/OTHER", "LABEL", "run"] {
        std::fs::create_dir_all(media.join(dir)).expect("dirs");
    }
    let mounted = |p: &Path| p.ends_with("STICK") || p.ends_with("LABEL");
    let found = sticks_where(std::slice::from_ref(&media), &mounted);
    assert_eq!(found, vec![media.join("LABEL"), media.join("kiosk/STICK")]);
    let path = write_file(&found[0], "figures.csv", "a,b\n").expect("written");
    assert_eq!(std::fs::read_to_string(path).expect("read"), "a,b\n");
    assert_eq!(std::fs::read_dir(&found[0]).expect("list").count(), 1);
    // Nothing here is really mounted.
    assert!(sticks(&[media]).is_empty());
}

#[cfg(unix)]
#[test]
fn nothing_read_from_a_stick_leads_off_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let secret = tmp.path().join("shadow");
    std::fs::write(&secret, "SECRETWORD:$6$salt$hash\n").expect("write");
    let folder = tmp.path().join("media/STICK/content");
    crate::content::write_starter(&folder).expect("content");
    std::fs::remove_file(folder.join(CONTENT_FILE)).expect("remove");
    std::os::unix::fs::symlink(&secret, folder.join(CONTENT_FILE)).expect("link");
    let found = find(&[tmp.path().join("media")]);
    assert_eq!(found.len(), 1, "listed, to be refused with its reason");
    assert_eq!(found[0].office, None);
    let report = check(&found[0]);
    assert!(!report.is_valid());
    let said: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert!(
        said.iter()
            .any(|p| p.contains("content.ron is a symbolic link")),
        "{said:?}"
    );
    assert!(said.iter().all(|p| !p.contains("SECRETWORD")), "{said:?}");
}

#[test]
fn what_the_check_calls_valid_the_install_takes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let media = tmp.path().join("media");
    // An image in a hidden folder: found by the content check, left out by the install.
    let hidden = media.join("HIDDEN/content");
    crate::content::write_starter(&hidden).expect("content");
    std::fs::rename(hidden.join("images"), hidden.join(".images")).expect("rename");
    let file = hidden.join(CONTENT_FILE);
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replace("\"images/", "\".images/")).expect("write");
    assert!(
        crate::check::inspect(&file).is_valid(),
        "the content itself is fine"
    );
    // And a good one, with a stray hidden file beside it.
    let good = media.join("GOOD/content");
    crate::content::write_starter(&good).expect("content");
    std::fs::write(good.join(".DS_Store"), "junk").expect("write");

    let place = install::ContentPlace::new(tmp.path().join("state/content/content.ron"));
    for folder in find(std::slice::from_ref(&media)) {
        let report = check(&folder);
        let installed = place.install(&folder.folder, &folder.file);
        assert_eq!(
            report.is_valid(),
            installed.is_ok(),
            "{}: {:?} / {installed:?}",
            folder.folder.display(),
            report.problems
        );
        if folder.folder == hidden {
            assert!(
                report
                    .problems
                    .iter()
                    .any(|p| p.to_string().contains("hidden")),
                "{:?}",
                report.problems
            );
        }
    }
    assert!(!place.folder().join(".DS_Store").exists(), "left out");
}

#[test]
fn export_tries_each_stick_and_says_which_failed_and_why() {
    let tmp = tempfile::tempdir().expect("tmp");
    let gone = tmp.path().join("GONE");
    let good = tmp.path().join("GOOD");
    std::fs::create_dir_all(&good).expect("stick");
    // A leftover of an export cut short by a kill: cleared by the next.
    std::fs::write(good.join(".figures.csv.k1ll3d.tmp"), "a,").expect("write");
    let done = export(&[gone.clone(), good.clone()], "figures.csv", "a,b\n").expect("written");
    assert_eq!(std::fs::read_dir(&good).expect("list").count(), 1);
    assert_eq!(done.path, good.join("figures.csv"));
    assert_eq!(done.failed[0].why, Refusal::Gone);
    assert_eq!(
        done.text("en"),
        format!(
            "{} (not written to GONE: it was removed, or cannot be read)",
            done.path.display()
        )
    );
    assert!(done.text("es").contains("no se guardó en GONE: se retiró"));
    let failed = export(std::slice::from_ref(&gone), "figures.csv", "x").expect_err("none");
    assert_eq!(
        failures_text(&failed, "en"),
        "GONE: it was removed, or cannot be read"
    );
    assert!(
        export(&[], "figures.csv", "x")
            .expect_err("no sticks")
            .is_empty()
    );
    // What the system says, in staff's words.
    for (error, why) in [
        (
            std::io::ErrorKind::ReadOnlyFilesystem.into(),
            Refusal::ReadOnly,
        ),
        (std::io::ErrorKind::StorageFull.into(), Refusal::Full),
        (std::io::ErrorKind::PermissionDenied.into(), Refusal::Denied),
        (std::io::Error::other("odd"), Refusal::Other),
    ] {
        assert_eq!(Refusal::of(&error), why, "{error}");
    }
    #[cfg(unix)]
    assert_eq!(
        Refusal::of(&std::io::Error::from_raw_os_error(libc::EROFS)),
        Refusal::ReadOnly
    );
    let read_only = StickFailure {
        stick: tmp.path().join("KINGSTON"),
        why: Refusal::ReadOnly,
    };
    assert_eq!(
        read_only.text("en"),
        "KINGSTON: it is write-protected or read-only (check the switch on its side)"
    );
}

#[test]
fn the_check_is_the_check_commands() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("stick");
    crate::content::write_starter(&dir).expect("content");
    let folder = &find(&[tmp.path().to_path_buf()])[0];
    assert!(check(folder).is_valid());
    let text = std::fs::read_to_string(&folder.file).expect("read");
    std::fs::write(&folder.file, text.replacen("office_name", "ofice_name", 1)).expect("w");
    let report = check(folder);
    assert!(!report.is_valid());
    assert!(report.problems.iter().all(|p| p.position.is_some()));
}
