"""Reading articles in and writing results out: decoding, batches of files, atomic writes."""
