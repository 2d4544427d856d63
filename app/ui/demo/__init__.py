"""The demo's dialogs (--demo only): a customer writes in. The Demo menu itself is the main
window's (app/ui/main_window/demo_controls.py)."""
