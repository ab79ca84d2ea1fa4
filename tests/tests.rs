//! Integration tests: one binary, one module per area.

mod batch;
mod cli;
mod dialects;
mod differential;
mod external;
mod fixtures;
mod formats;
mod index;
mod multilingual;
mod quality;
mod real;
mod realcheck;
mod robustness;
mod schema;
mod util;
