"""Read and write working documents (.docx and plain-text exports) as typed data."""
