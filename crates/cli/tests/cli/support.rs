//! Running the real `shinrai` binary.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

fn finish(output: Output) -> Run {
    Run {
        status: output
            .status
            .code()
            .expect("exited normally, not by a signal"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

/// A command run from the repository root (case paths are relative to it) with a neutral
/// locale, so that only the test decides the language.
fn command(args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_shinrai"));
    command
        .current_dir(repo_root())
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("RUST_BACKTRACE", "1");
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

pub fn shinrai(args: &[&str]) -> Run {
    shinrai_env(args, &[])
}

pub fn shinrai_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    finish(command(args, env).output().expect("shinrai runs"))
}

/// Runs `shinrai` with its address space limited to `bytes` (through `prlimit`, where the system
/// has it), so that a run that would take the machine's memory fails instead.
pub fn shinrai_within(args: &[&str], bytes: u64) -> Run {
    let plain = command(args, &[]);
    let mut limited = Command::new("prlimit");
    limited
        .arg(format!("--as={bytes}"))
        .arg(plain.get_program())
        .args(plain.get_args())
        .current_dir(repo_root())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("RUST_BACKTRACE", "1");
    match limited.output() {
        Ok(output) => finish(output),
        Err(_) => shinrai(args),
    }
}

pub fn shinrai_stdin(args: &[&str], input: &[u8]) -> Run {
    let mut child = command(args, &[])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("shinrai runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    finish(child.wait_with_output().expect("shinrai ends"))
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Case files of a kind, as paths relative to the repository root (the way users type them).
pub fn case_files(kind: &str, folder: &str) -> Vec<String> {
    let dir = repo_root().join("tests/cases").join(kind).join(folder);
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|_| panic!("{} exists", dir.display()))
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".json") && !name.ends_with(".answer.json"))
        .map(|name| {
            let mut path = PathBuf::from("tests/cases").join(kind);
            if !folder.is_empty() {
                path.push(folder);
            }
            path.join(name).to_string_lossy().into_owned()
        })
        .collect();
    files.sort();
    files
}

/// A scratch file that is removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(name: &str, bytes: &[u8]) -> Scratch {
        let path = std::env::temp_dir().join(format!("shinrai-test-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).expect("write scratch file");
        Scratch(path)
    }

    pub fn path(&self) -> &str {
        self.0.to_str().expect("UTF-8 path")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// `serve` started on a free port with the global `args` and its own `flags`, and its address.
pub fn serve(args: &[&str], flags: &[&str]) -> (std::process::Child, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let address = format!("127.0.0.1:{port}");
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["serve", "--addr", &address]);
    all.extend_from_slice(flags);
    let server = Command::new(env!("CARGO_BIN_EXE_shinrai"))
        .args(&all)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    (server, address)
}

/// Waits until the service at `address` answers `/healthz`.
pub fn wait_healthy(address: &str, limit: std::time::Duration) {
    use std::io::{Read, Write};
    let started = std::time::Instant::now();
    loop {
        if let Ok(mut stream) = std::net::TcpStream::connect(address) {
            stream
                .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .unwrap();
            let mut answer = String::new();
            let _ = stream.read_to_string(&mut answer);
            if answer.starts_with("HTTP/1.1 200") {
                return;
            }
        }
        assert!(started.elapsed() < limit, "the server did not start");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
