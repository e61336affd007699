//! Parameter cards: one point of the model in a documented TOML file (units in
//! the key names), with defaults for everything not given.
//!
//! ```toml
//! M1_GeV = 1e10        # lightest heavy-neutrino mass
//! x_RH = 30            # M1 / T_RH (>= 25, Sec. 3.2)
//! lambda1 = 1.0        # |lambda_1|
//! benchmark = "B1"     # phases of Eq. (59): B1, B2, B3, B4
//! # alpha_over_pi = -0.6667 and beta_over_pi = 0.25 override the benchmark
//! # y1 = 2.5e-3        # |y_1|; default: the largest allowed by Eq. (5)
//! u_max = 1e6          # integrate to a/a_RH = u_max
//! ```

use crate::derive::benchmarks::Benchmark;
use serde::Deserialize;
use thiserror::Error;

/// A card that cannot be used.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum CardError {
    #[error("{0}: {1}")]
    Read(std::path::PathBuf, String),
    #[error("{file}{position}: {message}")]
    Toml { file: std::path::PathBuf, position: String, message: String },
    #[error("unknown benchmark {0:?} (B1, B2, B3, B4)")]
    Benchmark(String),
    #[error("{0} must be positive and finite, got {1}")]
    NotPositive(&'static str, f64),
    #[error("u_max must exceed 1, got {0}")]
    UMax(f64),
}

/// A parameter card.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Card {
    #[serde(rename = "M1_GeV")]
    pub m1_gev: f64,
    #[serde(rename = "x_RH")]
    pub x_rh: f64,
    pub lambda1: f64,
    pub benchmark: String,
    pub alpha_over_pi: Option<f64>,
    pub beta_over_pi: Option<f64>,
    pub y1: Option<f64>,
    pub u_max: f64,
}

impl Default for Card {
    fn default() -> Self {
        Card {
            m1_gev: 1e10,
            x_rh: 30.0,
            lambda1: 1.0,
            benchmark: "B1".into(),
            alpha_over_pi: None,
            beta_over_pi: None,
            y1: None,
            u_max: 1e6,
        }
    }
}

impl Card {
    /// Read a card; errors name the file and position.
    pub fn load(path: &std::path::Path) -> Result<Card, CardError> {
        let text = std::fs::read_to_string(path).map_err(|e| CardError::Read(path.to_path_buf(), e.to_string()))?;
        toml::from_str(&text).map_err(|e| {
            let pos = e.span().map(|s| {
                let before = &text[..s.start.min(text.len())];
                format!(":{}:{}", before.matches('\n').count() + 1, before.rsplit('\n').next().map(|l| l.len()).unwrap_or(0) + 1)
            });
            CardError::Toml { file: path.to_path_buf(), position: pos.unwrap_or_default(), message: e.message().to_string() }
        })
    }

    /// The phases (alpha, beta) in radians.
    pub fn phases(&self) -> Result<(f64, f64), CardError> {
        let (a, b) = Benchmark::from_name(&self.benchmark).ok_or_else(|| CardError::Benchmark(self.benchmark.clone()))?.phases_over_pi();
        let pi = std::f64::consts::PI;
        Ok((self.alpha_over_pi.unwrap_or(a) * pi, self.beta_over_pi.unwrap_or(b) * pi))
    }

    /// Validate: errors for unusable values, warnings for values outside the paper's assumptions.
    pub fn validate(&self) -> Result<Vec<String>, CardError> {
        for (n, v) in [("M1_GeV", self.m1_gev), ("x_RH", self.x_rh), ("lambda1", self.lambda1), ("u_max", self.u_max)] {
            if !(v.is_finite() && v > 0.0) {
                return Err(CardError::NotPositive(n, v));
            }
        }
        if let Some(y) = self.y1
            && !(y.is_finite() && y > 0.0)
        {
            return Err(CardError::NotPositive("y1", y));
        }
        if self.u_max <= 1.0 {
            return Err(CardError::UMax(self.u_max));
        }
        let mut warnings = vec![];
        if self.x_rh < 25.0 {
            warnings.push(format!(
                "x_RH = {} < 25: the heavy neutrinos are not negligible at reheating (Sec. 3.2); results outside the paper's assumptions",
                self.x_rh
            ));
        }
        Ok(warnings)
    }
}
