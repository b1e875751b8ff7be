//! The bundled CJK font: embedded in every PDF, and installed in the window
//! as a fallback so Chinese renders on machines that have no Chinese fonts.
//!
//! Statics, not constants: a constant is copied into each part of the
//! program that names it, and the window and the PDF writer both name the
//! regular faces, which put 9 MB of font in the binary twice.

/// Noto Sans CJK SC, subset to GB2312, Big5 level 1 and Latin (see `assets/fonts/subset.py`).
pub static CJK_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular.otf");
/// The bold weight, for PDF headings.
pub static CJK_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Bold.otf");
/// Noto Sans CJK TC, the same subset: Taiwan's glyph forms and punctuation
/// centred in its square, as Taiwan readers expect. PDFs whose language is
/// traditional Chinese embed it; everything else uses the SC faces above.
pub static CJK_TC_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKtc-Regular.otf");
/// The bold weight of the TC faces.
pub static CJK_TC_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKtc-Bold.otf");
