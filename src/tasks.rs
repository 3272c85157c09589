//! The page's work that waits on the browser: reading files (one alone, or a batch one after
//! the other, each through [`reading::read_file`], with progress and 停止读取), reading a pasted
//! web page, fetching a sample report. Each hands its result to the page's reducer
//! ([`crate::page`]); none of them decides what the result means.

use std::cell::RefCell;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::batch::{BatchAction, BATCH_LIMIT};
use crate::examples::Example;
use crate::page::{Page, PageAction};
use crate::state::{file_too_large, Action, Notice, Origin, Tone};
use crate::{browser, reading};

/// The page's dispatcher.
pub type Dispatch = UseReducerDispatcher<Page>;

/// Which batch's files are being read: a newer batch, 停止读取 and 关闭 change it, which stops
/// the reading of the older one.
#[derive(Clone, Default)]
pub struct Generation(Rc<RefCell<u32>>);

impl Generation {
    /// A new batch id; the reading of the one before stops.
    pub fn next(&self) -> u32 {
        let mut g = self.0.borrow_mut();
        *g = g.wrapping_add(1);
        *g
    }

    fn is(&self, id: u32) -> bool {
        *self.0.borrow() == id
    }
}

fn single(dispatch: &Dispatch, action: Action) {
    dispatch.dispatch(PageAction::Single(action));
}

fn batch(dispatch: &Dispatch, action: BatchAction) {
    dispatch.dispatch(PageAction::Batch(action));
}

/// One file: the single view, as always (leaving a batch's list if one is shown); several: a
/// batch.
pub fn open_files(files: Vec<web_sys::File>, dispatch: &Dispatch, generation: &Generation) {
    match <[web_sys::File; 1]>::try_from(files) {
        Ok([file]) => {
            batch(dispatch, BatchAction::Away);
            read_one(file, dispatch.clone());
        }
        Err(files) if files.is_empty() => {}
        Err(files) if crate::BATCH => read_batch(files, dispatch.clone(), generation.clone()),
        // Handed over to the batch module before it gets here (crate::handover).
        Err(_) => {}
    }
}

/// Reads the files of a batch one after the other, each through [`reading::read_file`], and
/// hands each result to the batch; between two files the browser draws (the progress) and
/// handles input (停止读取). Stops when another batch starts, or reading is stopped.
fn read_batch(files: Vec<web_sys::File>, dispatch: Dispatch, generation: Generation) {
    let id = generation.next();
    let left_out = files.len().saturating_sub(BATCH_LIMIT);
    let files: Vec<web_sys::File> = files.into_iter().take(BATCH_LIMIT).collect();
    batch(
        &dispatch,
        BatchAction::Start {
            id,
            files: files
                .iter()
                .map(|f| (f.name(), f.size().max(0.0) as usize))
                .collect(),
            left_out,
        },
    );
    browser::scroll_to_top();
    let current = move || generation.is(id);
    spawn_local(async move {
        // The list of waiting files is drawn before the first is read.
        browser::yield_now().await;
        for (index, file) in files.into_iter().enumerate() {
            if !current() {
                return;
            }
            let name = file.name();
            if let Some(notice) = file_too_large(&name, file.size()) {
                let why = notice.text.to_string();
                batch(&dispatch, BatchAction::Failed { id, index, why });
                continue;
            }
            let blob = gloo_file::Blob::from(file);
            match gloo_file::futures::read_as_bytes(&blob).await {
                Ok(bytes) => {
                    if !current() {
                        return;
                    }
                    let file = reading::read_file(name, bytes).await;
                    if !current() {
                        return;
                    }
                    match file.read {
                        Ok(read) => {
                            let checked = Box::new(gouji_core::check_read(read));
                            batch(&dispatch, BatchAction::Read { id, index, checked });
                        }
                        Err(why) => batch(&dispatch, BatchAction::Failed { id, index, why }),
                    }
                }
                Err(_) => batch(
                    &dispatch,
                    BatchAction::Failed {
                        id,
                        index,
                        why:
                            "浏览器无法读取这个文件的内容（可能已被移动或删除，或者是一个文件夹）。"
                                .to_string(),
                    },
                ),
            }
            browser::yield_now().await;
        }
    });
}

/// Reads a file's bytes and hands them to the single view; failures become a notice.
fn read_one(file: web_sys::File, dispatch: Dispatch) {
    let name = file.name();
    let size = file.size();
    if let Some(notice) = file_too_large(&name, size) {
        single(&dispatch, Action::Failed(notice));
        return;
    }
    single(&dispatch, Action::Reading(name.clone()));
    let blob = gloo_file::Blob::from(file);
    spawn_local(async move {
        match gloo_file::futures::read_as_bytes(&blob).await {
            Ok(bytes) => single(
                &dispatch,
                Action::File(reading::read_file(name, bytes).await),
            ),
            Err(_) => single(
                &dispatch,
                Action::Failed(Notice::new(
                    Tone::Error,
                    format!("文件“{name}”未能读取：浏览器无法读取它的内容（可能已被移动或删除）。"),
                )),
            ),
        }
    });
}

/// Reads the clipboard's HTML (in the reader worker) and puts its text in the box.
pub fn read_html(html: String, dispatch: Dispatch) {
    single(&dispatch, Action::Reading("剪贴板中的网页".to_string()));
    spawn_local(async move {
        match reading::read_html(html).await {
            Ok(read) => single(&dispatch, Action::Html(read)),
            Err(why) => single(
                &dispatch,
                Action::Failed(Notice::new(
                    Tone::Error,
                    format!("粘贴的网页未能读取：{why}。"),
                )),
            ),
        }
    });
}

/// Fetches a sample report from the page's own folder and loads it.
pub fn load_example(example: Example, dispatch: Dispatch) {
    spawn_local(async move {
        match browser::fetch_text(example.path).await {
            Ok(text) => single(
                &dispatch,
                Action::Load {
                    text,
                    origin: Origin::Example {
                        label: example.label.into(),
                    },
                },
            ),
            Err(why) => single(
                &dispatch,
                Action::Failed(Notice::new(
                    Tone::Error,
                    format!("示例“{}”未能载入：{why}。", example.label),
                )),
            ),
        }
    });
}
