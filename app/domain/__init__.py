"""Pure rules: no Qt, no SQL, no I/O (docs: /work/shared/style.md section 4)."""
