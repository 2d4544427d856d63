"""Background work that must not die silently: the task keeper (keeper.py).

Below the bridge, storage and the runtime, so the bridge link can hand its event stream to
the keeper without reaching up into app.runtime."""
