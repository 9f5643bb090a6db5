//! Writing a parsed order back as a clean document (.txt or .docx).
