//! The `eurodoc._eurodoc` extension module: the library's extraction, called from Python.
//!
//! Only the Rust side of the package lives here; `python/eurodoc/__init__.py` turns the JSON
//! it returns into Python objects and holds the exception classes, so that what a result
//! means is written once, in the library.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Arc, Mutex};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyIterator, PyTuple};

// As in the CLI: extraction allocates many small strings, and mimalloc about halves the
// allocator's share of a run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One input, owned, so that it can be worked on with the GIL released.
enum Input {
    Path {
        path: PathBuf,
        name: Option<String>,
    },
    Bytes {
        bytes: Vec<u8>,
        name: Option<String>,
    },
}

/// What a worker gives back: the extraction's JSON, or the error's kind and message; with the
/// input's name either way.
struct Done {
    name: Option<String>,
    result: Result<String, (&'static str, String)>,
}

impl Input {
    /// A path (`str`, `os.PathLike`), `bytes`/`bytearray`, or a `(name, bytes)` pair such as
    /// Spark's `binaryFiles` gives. `name` names bytes (format sniffing by extension, and the
    /// output's `source.path`); given with a path it replaces the path in the output.
    fn from_py(obj: &Bound<'_, PyAny>, name: Option<String>) -> PyResult<Input> {
        if let Ok(b) = obj.cast::<PyBytes>() {
            return Ok(Input::Bytes {
                bytes: b.as_bytes().to_vec(),
                name,
            });
        }
        if let Ok(b) = obj.cast::<PyByteArray>() {
            return Ok(Input::Bytes {
                bytes: b.to_vec(),
                name,
            });
        }
        if let Ok(t) = obj.cast::<PyTuple>()
            && t.len() == 2
        {
            let first = t.get_item(0)?;
            let inner = first
                .extract::<PathBuf>()
                .map_err(|_| PyTypeError::new_err("a (name, data) pair needs a str name"))?;
            return Input::from_py(&t.get_item(1)?, Some(inner.to_string_lossy().into_owned()));
        }
        if let Ok(path) = obj.extract::<PathBuf>() {
            return Ok(Input::Path { path, name });
        }
        Err(PyTypeError::new_err(format!(
            "expected a path (str or os.PathLike), bytes, or a (name, bytes) pair; got {}",
            obj.get_type().name()?
        )))
    }

    /// Extract it. Runs without the GIL; never panics (the library catches its own panics).
    fn extract(self) -> Done {
        let (name, result) = match self {
            Input::Path { path, name: None } => (
                Some(path.to_string_lossy().into_owned()),
                eurodoc::extract_file(&path),
            ),
            Input::Path {
                path,
                name: Some(name),
            } => {
                let result = eurodoc::pipeline::read_input(&path)
                    .and_then(|bytes| eurodoc::extract_bytes(&bytes, Some(&name)));
                (Some(name), result)
            }
            Input::Bytes { bytes, name } => {
                let result = eurodoc::extract_bytes(&bytes, name.as_deref());
                (name, result)
            }
        };
        let result = match result {
            Ok(e) => serde_json::to_string(&e)
                .map_err(|err| ("internal", format!("cannot write the JSON: {err}"))),
            Err(err) => Err((err.kind(), err.to_string())),
        };
        Done { name, result }
    }
}

impl Done {
    /// The JSON, or the exception of the error's kind (an `eurodoc._errors` class).
    fn into_result(self, py: Python<'_>) -> Result<String, PyErr> {
        let (kind, message) = match self.result {
            Ok(json) => return Ok(json),
            Err(err) => err,
        };
        let exc = py
            .import("eurodoc._errors")
            .and_then(|errors| errors.call_method1("from_kind", (kind, message, self.name)));
        Err(match exc {
            Ok(exc) => PyErr::from_value(exc),
            Err(err) => err, // the package itself is broken: say so rather than hide it
        })
    }
}

/// extract_json(source, name=None) -> str
///
/// Extract one document and return its JSON (the CLI's output, on one line). `source` is a
/// path (str or os.PathLike), bytes, or a (name, bytes) pair. Raises the EurodocError
/// subclass of the error's kind. The GIL is released while the document is read.
#[pyfunction]
#[pyo3(signature = (source, name=None))]
fn extract_json(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    name: Option<String>,
) -> PyResult<String> {
    let input = Input::from_py(source, name)?;
    let done = py.detach(move || input.extract());
    done.into_result(py)
}

/// A place in the output: a document being extracted, or an error to raise when the
/// consumer reaches it (a bad item or a failing source is raised after the results of the
/// items before it, never in their place).
enum Pending {
    Work(Receiver<Done>),
    Raise(PyErr),
}

/// An iterator of results in input order, extracted by a pool of worker threads that work a
/// few documents ahead of the consumer: every core busy, at most a window of results held.
///
/// `__next__` takes the object mutably: two Python threads sharing one iterator get PyO3's
/// "already borrowed" error rather than a deadlock on a lock held across the GIL.
#[pyclass(module = "eurodoc._eurodoc")]
struct Extractions {
    inputs: Py<PyIterator>,
    pool: rayon::ThreadPool,
    /// Oldest first. (In a Mutex only because a Python class must be Sync and a receiver is
    /// not; it is reached through `&mut self`.)
    pending: Mutex<VecDeque<Pending>>,
    window: usize,
    /// No more inputs: the source is exhausted or failed.
    exhausted: bool,
    /// Set when the iterator is dropped: documents not yet started are skipped.
    cancelled: Arc<AtomicBool>,
}

impl Drop for Extractions {
    fn drop(&mut self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }
}

#[pymethods]
impl Extractions {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// The next result: a JSON string, or an EurodocError object for an input that failed.
    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        self.fill(py);
        let rx = match self.pending().pop_front() {
            None => return Ok(None),
            Some(Pending::Raise(err)) => return Err(err),
            Some(Pending::Work(rx)) => rx,
        };
        // A worker always sends (extraction catches panics); a closed channel would mean the
        // job died, which is reported rather than hung on.
        let done = py
            .detach(move || rx.recv())
            .map_err(|_| PyValueError::new_err("a worker thread ended without a result"))?;
        Ok(Some(match done.into_result(py) {
            Ok(json) => json.into_pyobject(py)?.into_any().unbind(),
            Err(err) => err.into_value(py).into_any(),
        }))
    }
}

impl Extractions {
    fn pending(&mut self) -> &mut VecDeque<Pending> {
        self.pending.get_mut().unwrap_or_else(|e| e.into_inner())
    }

    /// Take inputs from the Python iterable until a window of them is in flight. An item that
    /// is not an input, or an exception from the iterable, ends the inputs and takes its
    /// place in the output.
    fn fill(&mut self, py: Python<'_>) {
        while !self.exhausted && self.pending().len() < self.window {
            let mut inputs = self.inputs.bind(py).clone();
            let input = match inputs.next() {
                None => {
                    self.exhausted = true;
                    continue;
                }
                Some(item) => item.and_then(|item| Input::from_py(&item, None)),
            };
            match input {
                Ok(input) => {
                    let (tx, rx) = sync_channel(1);
                    let cancelled = Arc::clone(&self.cancelled);
                    self.pool.spawn(move || {
                        if cancelled.load(Ordering::Relaxed) {
                            return; // nobody will read it
                        }
                        // The receiver is gone when the iterator was dropped: nothing to do.
                        let _ = tx.send(input.extract());
                    });
                    self.pending().push_back(Pending::Work(rx));
                }
                Err(err) => {
                    self.exhausted = true;
                    self.pending().push_back(Pending::Raise(err));
                }
            }
        }
    }
}

/// extract_many(sources, jobs=None) -> iterator of str | EurodocError
///
/// Extract every source of an iterable (paths, bytes or (name, bytes) pairs) on `jobs`
/// worker threads (default: one per core) and yield, in input order, each document's JSON or
/// the EurodocError object (not raised) of an input that failed.
#[pyfunction]
#[pyo3(signature = (sources, jobs=None))]
fn extract_many(sources: &Bound<'_, PyAny>, jobs: Option<usize>) -> PyResult<Extractions> {
    let jobs = match jobs {
        Some(0) | None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(n) => n,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("eurodoc-{i}"))
        // A panic in a job would otherwise abort the interpreter; the library catches its
        // own, so this is a guard: the job's result is then reported as missing.
        .panic_handler(|_| {})
        .build()
        .map_err(|e| PyValueError::new_err(format!("cannot start {jobs} worker threads: {e}")))?;
    Ok(Extractions {
        inputs: sources.try_iter()?.unbind(),
        pool,
        pending: Mutex::new(VecDeque::new()),
        cancelled: Arc::new(AtomicBool::new(false)),
        // A few documents per thread ahead: enough that no worker waits while Python takes a
        // result, few enough that memory does not grow with the corpus.
        window: jobs * 4,
        exhausted: false,
    })
}

/// mention_rows_json(extraction_json) -> str
///
/// The mention rows (one per reference mention: path, sha256, reference, kind, celex, text,
/// section, place, page, footnote, sentence) of an extraction or of a line of `eurodoc
/// batch` output, as a JSON array. An error record has none.
#[pyfunction]
fn mention_rows_json(py: Python<'_>, extraction: &str) -> PyResult<String> {
    py.detach(|| {
        eurodoc::mentions::mention_rows_of_line(extraction)
            .map(|rows| serde_json::to_string(&rows).expect("mention rows always serialise"))
    })
    .map_err(|e| PyValueError::new_err(format!("not an extraction: {e}")))
}

/// takes_file(name, head) -> bool
///
/// Whether `eurodoc batch` would take a file of this name and these first bytes (1024 are
/// enough) from a folder: a .pdf, .md or .txt name, or content that starts like a PDF.
#[pyfunction]
fn takes_file(name: &str, head: &[u8]) -> bool {
    eurodoc::batch::takes_file(name, head)
}

/// schema_json() -> str
///
/// The JSON Schema every extraction follows.
#[pyfunction]
fn schema_json() -> String {
    eurodoc::output::schema_json()
}

#[pymodule]
fn _eurodoc(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", eurodoc::output::SCHEMA_VERSION)?;
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(mention_rows_json, m)?)?;
    m.add_function(wrap_pyfunction!(schema_json, m)?)?;
    m.add_function(wrap_pyfunction!(takes_file, m)?)?;
    m.add_class::<Extractions>()?;
    Ok(())
}
