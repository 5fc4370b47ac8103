//! Download buttons: a table as CSV or JSON, a chart as an SVG file. The files are made in the
//! page (no server) and handed to the browser as a download.

use leptos::prelude::*;
use parallax_core::export::Table;
use parallax_core::Corpus;
use wasm_bindgen::JsCast;

/// Offers `content` as a file download. Returns `false` when the browser refused.
pub fn download(file_name: &str, mime: &str, content: &str) -> bool {
    let blob = gloo_file::Blob::new_with_options(content, Some(mime));
    // The address is revoked when `url` is dropped: once the download has started.
    let url = gloo_file::ObjectUrl::from(blob);
    let run = || -> Option<()> {
        let a: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(file_name);
        a.set_class_name("visually-hidden");
        document().body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        Some(())
    };
    let started = run().is_some();
    gloo_timers::callback::Timeout::new(30_000, move || drop(url)).forget();
    started
}

/// The page's address, for the `view` field of exported JSON.
pub fn current_url() -> String {
    window().location().href().unwrap_or_default()
}

/// The SVG element with this id, serialised as a standalone file.
pub fn element_svg(element_id: &str) -> Option<String> {
    let el = document().get_element_by_id(element_id)?;
    let markup = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&el)
        .ok()?;
    Some(markup)
}

/// Download buttons for a table: CSV and JSON, made when clicked; with `svg`, which draws the
/// table's chart as SVG markup, also an SVG file.
#[component]
pub fn TableExport(
    corpus: std::sync::Arc<Corpus>,
    /// What the buttons say they download (`the matrix`).
    label: &'static str,
    table: Callback<(), Table>,
    #[prop(optional)] svg: Option<Callback<(), Option<String>>>,
) -> impl IntoView {
    let csv = move |_| {
        let t = table.run(());
        download(
            &format!("{}.csv", t.name),
            "text/csv;charset=utf-8",
            &t.csv(),
        );
    };
    let json = move |_| {
        let t = table.run(());
        let body = t.json(&corpus.name, &corpus.version, &current_url());
        download(&format!("{}.json", t.name), "application/json", &body);
    };
    let svg_button = svg.map(|svg| {
        let save = move |_| {
            if let Some(markup) = svg.run(()) {
                let file = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{markup}\n");
                download(&format!("{}.svg", table.run(()).name), "image/svg+xml", &file);
            }
        };
        view! {
            <button type="button" on:click=save data-testid="export-svg" aria-label=format!("Download {label} as an SVG chart")>"SVG"</button>
        }
    });
    view! {
        <div class="export" role="group" aria-label=format!("Download {label}")>
            <span class="export-label" aria-hidden="true">"Download"</span>
            {svg_button}
            <button type="button" on:click=csv data-testid="export-csv" aria-label=format!("Download {label} as CSV")>"CSV"</button>
            <button type="button" on:click=json data-testid="export-json" aria-label=format!("Download {label} as JSON")>"JSON"</button>
        </div>
    }
}
