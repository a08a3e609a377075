//! A real browser for the tests: Debian's headless chromium, driven through chromedriver
//! (`WebDriver`) with fantoccini. The driver listens on 127.0.0.1 only and is stopped when the
//! test ends; every test is bounded in time.

#![allow(
    dead_code,
    reason = "the tests and the benchmark each use some of these"
)]

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};

/// The longest a browser test may take.
pub const LIMIT: Duration = Duration::from_mins(3);

/// A running chromedriver, stopped on drop.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Makes sure chromium and chromedriver are here (`scripts/browser-setup.sh` installs them as
/// root), then starts the driver on a free loopback port.
pub fn driver() -> Driver {
    let setup = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/browser-setup.sh");
    let ok = Command::new("bash")
        .arg(&setup)
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        ok,
        "the browser tests need chromium and chromium-driver: run scripts/browser-setup.sh as root"
    );
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port on the loopback address")
        .port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .arg("--allowed-ips=127.0.0.1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver { child, port };
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "chromedriver did not listen on 127.0.0.1:{port} within 20 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    driver
}

/// A headless chromium session that downloads into `downloads` and keeps the console and the
/// network log.
pub async fn browser(driver: &Driver, downloads: &Path) -> Client {
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,900", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=nl"
            ],
            "prefs": {
                "download.default_directory": downloads.to_string_lossy(),
                "download.prompt_for_download": false,
                "download.directory_upgrade": true
            }
        },
        "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" }
    });
    let Value::Object(caps) = caps else {
        unreachable!()
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a chromium session")
}

/// chromedriver's log command (not in the W3C protocol, so not in fantoccini).
#[derive(Debug)]
struct GetLog(&'static str);

impl fantoccini::wd::WebDriverCompatibleCommand for GetLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": self.0 }).to_string()),
        )
    }
}

/// The browser console's entries since the last call: `(level, message)`.
pub async fn console(client: &Client) -> Vec<(String, String)> {
    let log = client
        .issue_cmd(GetLog("browser"))
        .await
        .expect("the console log");
    log.as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            (
                e["level"].as_str().unwrap_or_default().to_owned(),
                e["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// Every URL the page asked the network for since the last call (the `DevTools` network
/// events chromedriver logs).
pub async fn requests(client: &Client) -> Vec<String> {
    let log = client
        .issue_cmd(GetLog("performance"))
        .await
        .expect("the performance log");
    let mut urls = Vec::new();
    for entry in log.as_array().into_iter().flatten() {
        let Some(text) = entry["message"].as_str() else {
            continue;
        };
        let Ok(event) = serde_json::from_str::<Value>(text) else {
            continue;
        };
        let method = event["message"]["method"].as_str().unwrap_or_default();
        if method == "Network.requestWillBeSent"
            && let Some(url) = event["message"]["params"]["request"]["url"].as_str()
        {
            urls.push(url.to_owned());
        }
    }
    urls
}

/// A file URL for `path`.
pub fn file_url(path: &Path) -> String {
    url::Url::from_file_path(path)
        .expect("an absolute path")
        .to_string()
}

/// Waits (at most 20 s) for a finished file ending in `ending` in `dir`.
pub fn downloaded(dir: &Path, ending: &str) -> PathBuf {
    let start = Instant::now();
    loop {
        let found = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(ending));
        if let Some(p) = found {
            return p;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no {ending} was downloaded into {} within 20 s",
            dir.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Runs `test` on a single-threaded runtime, failing when it takes longer than [`LIMIT`].
pub fn run<F: std::future::Future<Output = ()>>(test: F) {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
        .block_on(async {
            tokio::time::timeout(LIMIT, test)
                .await
                .expect("the browser test finished in time");
        });
}
