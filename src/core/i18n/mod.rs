//! Every word the program says, in simplified Chinese, traditional Chinese
//! and English: the window's texts, the labels printed on exports, and the
//! checker's and validation's messages.

pub mod labels;
pub mod window;
