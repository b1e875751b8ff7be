//! Unit tests of the XLSX reader.
