//! Which configuration each checked file gets: the nearest `podls.toml` above it (read once per
//! directory), the one `--config` names, or none with `--isolated`; then `--select` / `--ignore` over it.
//! A broken configuration stops the run before anything is checked: its findings would be wrong.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::CheckArgs;
use super::inputs::Input;
use crate::analysis::{Code, Inputs, KubernetesVersion, Level};
use crate::config::{ConfigError, ProjectConfig, find};
use crate::messages::Locale;
use crate::messages::config as msg;

/// The configuration that applies somewhere: none, a file's, or the error reading it.
pub type Found = Result<Option<Arc<ProjectConfig>>, ConfigError>;

/// The configurations of one run, found as files are seen.
pub struct Project {
    /// `--locale`'s, else the environment's language.
    locale: Locale,
    /// Whether `--locale` chose it (it then wins over the files').
    locale_flag: bool,
    /// `--kubernetes-version`, which wins over the files' `kubernetes-version`.
    kubernetes: Option<KubernetesVersion>,
    explicit: Option<Arc<ProjectConfig>>,
    isolated: bool,
    select: Option<Vec<Code>>,
    ignore: Vec<Code>,
    /// A configuration file → what it says (each file is read once, however many directories share it).
    read: HashMap<PathBuf, Result<Arc<ProjectConfig>, ConfigError>>,
    /// A directory → the configuration file that applies there.
    found: HashMap<PathBuf, Option<PathBuf>>,
    /// The directory of the last file asked about, as the file's path names it, and its configuration: files
    /// come directory by directory, and each asking made its path absolute and hashed its directory.
    last: Option<(PathBuf, Found)>,
}

impl Project {
    /// From the command line; an unreadable `--config` or an unknown code name is an error.
    pub fn new(args: &CheckArgs, locale: Locale) -> Result<Project, String> {
        let explicit = match &args.config {
            Some(path) => Some(Arc::new(
                ProjectConfig::load(path).map_err(|err| err.render(locale))?,
            )),
            None => None,
        };
        Ok(Project {
            locale,
            locale_flag: args.locale.is_some(),
            kubernetes: args.kubernetes.version,
            explicit,
            isolated: args.isolated,
            select: (!args.select.is_empty())
                .then(|| codes("--select", &args.select, locale))
                .transpose()?,
            ignore: codes("--ignore", &args.ignore, locale)?,
            read: HashMap::new(),
            found: HashMap::new(),
            last: None,
        })
    }

    /// The configuration that applies to `input` (stdin: the one of `stdin_dir`).
    pub fn config_of(&mut self, input: &Input, stdin_dir: &Path) -> Found {
        if self.isolated {
            return Ok(None);
        }
        if let Some(explicit) = &self.explicit {
            return Ok(Some(Arc::clone(explicit)));
        }
        let named = match input {
            Input::File(path) => path.parent(),
            Input::Stdin => None,
        };
        if let (Some(named), Some((last, config))) = (named, &self.last)
            && last == named
        {
            return config.clone();
        }
        let config = self.config_of_directory(input, stdin_dir);
        if let Some(named) = named {
            self.last = Some((named.to_path_buf(), config.clone()));
        }
        config
    }

    /// `config_of`, found from the directory (and each directory and configuration file kept).
    fn config_of_directory(&mut self, input: &Input, stdin_dir: &Path) -> Found {
        let dir = match input {
            Input::Stdin => stdin_dir.to_path_buf(),
            Input::File(path) => crate::config::absolute(path)
                .parent()
                .map_or_else(|| PathBuf::from("/"), Path::to_path_buf),
        };
        let file = self.found.entry(dir.clone()).or_insert_with(|| find(&dir));
        let Some(file) = file.clone() else {
            return Ok(None);
        };
        self.read
            .entry(file.clone())
            .or_insert_with(|| ProjectConfig::load(&file).map(Arc::new))
            .clone()
            .map(Some)
    }

    /// What `input` is checked with: the defaults, its configuration, then the command line's flags.
    pub fn inputs(&self, config: Option<&ProjectConfig>) -> Inputs {
        let mut inputs = Inputs::new(self.locale);
        if let Some(config) = config {
            config.apply(&mut inputs);
        }
        if self.locale_flag {
            inputs.locale = self.locale;
        }
        if let Some(version) = self.kubernetes {
            inputs.kubernetes = version;
        }
        if let Some(select) = &self.select {
            inputs.rules.select(select);
        }
        for &code in &self.ignore {
            inputs.rules.set(code, Level::Off);
        }
        inputs
    }
}

impl Project {
    /// A configuration error in the language of the run.
    pub fn render(&self, error: &ConfigError) -> String {
        error.render(self.locale)
    }

    /// The language of the run's own lines (the summary): `--locale`, else that of the working
    /// directory's configuration, else the environment's.
    pub fn run_locale(&mut self) -> Locale {
        if self.locale_flag {
            return self.locale;
        }
        let here = Input::File(PathBuf::from("./podls-check"));
        match self.config_of(&here, Path::new(".")) {
            Ok(Some(config)) => config.locale.unwrap_or(self.locale),
            _ => self.locale,
        }
    }
}

/// Code names of `--select`/`--ignore`, comma-separated or repeated (`--ignore image-latest,status-field`).
fn codes(flag: &str, written: &[String], locale: Locale) -> Result<Vec<Code>, String> {
    written
        .iter()
        .flat_map(|w| w.split(','))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(|name| {
            Code::from_name(name).ok_or_else(|| {
                msg::unknown_flag_code(flag, name, Code::hint_for(name)).render(locale)
            })
        })
        .collect()
}
