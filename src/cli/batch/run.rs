//! The parallel pipeline of a batch, and its progress display.
//!
//! One thread feeds inputs (from the walk or stdin), a rayon pool of `-j`
//! workers does the work (read, hash, parse, serialise, write), and the calling
//! thread receives each result (counting, failure lines, JSONL). Between them
//! run bounded channels, and the feeder may run at most a window of inputs
//! ahead of the results handed on, so memory is bounded by the window, not by
//! the number of files. In order mode a result waits in that window until all
//! inputs before it are handed on, so outputs come in input order even though
//! the workers finish in any order.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use super::summary::Summary;

/// Inputs in flight (fed but not yet handed on), per worker thread.
const WINDOW_PER_JOB: usize = 8;

/// Lets the feeder run at most `window` inputs ahead of the results handed on.
struct Gate {
    handed_on: Mutex<u64>,
    moved: Condvar,
    stop: AtomicBool,
}

impl Gate {
    /// Wait until input `seq` may be fed; false when the run is stopping.
    fn admit(&self, seq: u64, window: u64) -> bool {
        let Ok(mut done) = self.handed_on.lock() else {
            return false;
        };
        while seq >= *done + window {
            if self.stop.load(Ordering::Relaxed) {
                return false;
            }
            done = match self.moved.wait(done) {
                Ok(d) => d,
                Err(_) => return false,
            };
        }
        !self.stop.load(Ordering::Relaxed)
    }

    fn advance(&self, to: u64) {
        if let Ok(mut done) = self.handed_on.lock() {
            *done = to;
        }
        self.moved.notify_all();
    }

    fn halt(&self) {
        self.stop.store(true, Ordering::Relaxed);
        // Take the lock so a feeder between its check and its wait sees the flag.
        drop(self.handed_on.lock());
        self.moved.notify_all();
    }
}

/// Run `work` over `inputs` on `threads` workers and hand each result to `sink`
/// on the calling thread, in input order unless `unordered`. `sink` returns
/// false to stop the run early (the inputs not yet done are dropped).
pub(crate) fn pipeline<J, R, I, W, S>(
    inputs: I,
    threads: usize,
    unordered: bool,
    work: W,
    mut sink: S,
) -> Result<(), String>
where
    J: Send,
    R: Send,
    I: Iterator<Item = J> + Send,
    W: Fn(J) -> R + Sync,
    S: FnMut(R) -> bool,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("kamsang-batch-{i}"))
        .build()
        .map_err(|e| format!("cannot start {threads} worker threads: {e}"))?;
    let window = threads.saturating_mul(WINDOW_PER_JOB).max(16);
    let gate = Gate {
        handed_on: Mutex::new(0),
        moved: Condvar::new(),
        stop: AtomicBool::new(false),
    };
    let (job_tx, job_rx) = sync_channel::<(u64, J)>(window);
    let (res_tx, res_rx) = sync_channel::<(u64, R)>(window);
    let window = window as u64;
    std::thread::scope(|scope| {
        let gate = &gate;
        let work = &work;
        scope.spawn(move || {
            for (seq, job) in (0u64..).zip(inputs) {
                if !gate.admit(seq, window) || job_tx.send((seq, job)).is_err() {
                    break;
                }
            }
        });
        scope.spawn(move || {
            // One loop per worker, each taking the next input from the shared
            // channel. (`par_bridge` left a worker idle about half the time
            // here: its splitting does not suit a channel fed as work is done.)
            let jobs = Mutex::new(job_rx);
            let jobs = &jobs;
            pool.scope(|s| {
                for _ in 0..threads {
                    let tx = res_tx.clone();
                    s.spawn(move |_| {
                        loop {
                            let next = match jobs.lock() {
                                Ok(rx) => rx.recv(),
                                Err(_) => break,
                            };
                            let Ok((seq, job)) = next else { break };
                            if gate.stop.load(Ordering::Relaxed) {
                                continue; // drain without working
                            }
                            if tx.send((seq, work(job))).is_err() {
                                break;
                            }
                        }
                    });
                }
            });
            drop(res_tx);
        });
        let mut pending: BTreeMap<u64, R> = BTreeMap::new();
        let mut next = 0u64;
        let mut going = true;
        for (seq, result) in res_rx.iter() {
            if !going {
                continue; // drain so that no worker blocks on a full channel
            }
            if unordered {
                next += 1;
                going = sink(result);
            } else {
                pending.insert(seq, result);
                while let Some(r) = pending.remove(&next) {
                    next += 1;
                    going = sink(r);
                    if !going {
                        pending.clear();
                        break;
                    }
                }
            }
            if going {
                gate.advance(next);
            } else {
                gate.halt();
            }
        }
    });
    Ok(())
}

/// How progress is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProgressMode {
    /// A bar when stderr is a terminal, plain lines otherwise.
    #[default]
    Auto,
    /// Always the bar (drawn only on a terminal).
    Bar,
    /// A plain line every few seconds.
    Plain,
    /// Nothing until the summary.
    Off,
}

/// Seconds between two plain progress lines.
const PLAIN_EVERY: Duration = Duration::from_secs(5);

/// The progress display: an indicatif bar on a terminal, plain periodic lines
/// on stderr otherwise. Failure lines go through it so they never tear the bar.
pub(crate) struct Progress {
    bar: Option<indicatif::ProgressBar>,
    plain: bool,
    started: Instant,
    last_line: Instant,
    /// Files to parse found so far by a counting walk (0: unknown).
    pub total: std::sync::Arc<AtomicU64>,
}

impl Progress {
    pub(crate) fn new(mode: ProgressMode) -> Self {
        let terminal = std::io::stderr().is_terminal();
        let bar =
            matches!(mode, ProgressMode::Bar) || (matches!(mode, ProgressMode::Auto) && terminal);
        let bar = bar.then(|| {
            let b = indicatif::ProgressBar::with_draw_target(
                Some(0),
                indicatif::ProgressDrawTarget::stderr(),
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{elapsed_precise} {wide_bar} {pos}/{len} files, {msg}",
            ) {
                b.set_style(style);
            }
            b
        });
        let now = Instant::now();
        Progress {
            plain: bar.is_none() && !matches!(mode, ProgressMode::Off),
            bar,
            started: now,
            last_line: now,
            total: std::sync::Arc::new(AtomicU64::new(0)),
        }
    }

    /// Whether anything is shown (a counting walk is worth its cost then).
    pub(crate) fn shown(&self) -> bool {
        self.bar.is_some() || self.plain
    }

    /// A line for the user (a failure), printed above the bar.
    pub(crate) fn println(&self, line: &str) {
        match &self.bar {
            Some(b) => b.println(line),
            None => eprintln!("{line}"),
        }
    }

    /// Update from the counts so far.
    pub(crate) fn update(&mut self, s: &Summary) {
        let done = s.files_read();
        let total = self.total.load(Ordering::Relaxed);
        if let Some(b) = &self.bar {
            b.set_length(total.max(done));
            b.set_position(done);
            let rate = done as f64 / self.started.elapsed().as_secs_f64().max(1e-9);
            let failed = match s.failed {
                0 => String::new(),
                n => format!(", {n} failed"),
            };
            b.set_message(format!("{rate:.0} files/s{failed}"));
        } else if self.plain && self.last_line.elapsed() >= PLAIN_EVERY {
            self.last_line = Instant::now();
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            let of = if total > 0 {
                format!(" of {}", total.max(done))
            } else {
                String::new()
            };
            eprintln!(
                "kamsang: batch: {done}{of} files read, {} failed, {:.0} files/s",
                s.failed,
                done as f64 / secs
            );
        }
    }

    pub(crate) fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
