//! The `eurodoc` command: parses arguments and hands them to [`cli::run`].

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("eurodoc: {err:#}");
            ExitCode::from(1)
        }
    }
}
