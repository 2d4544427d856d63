"""The app core's parts, one job each, behind the facade in app.service.

link (app.bridge.link) → recorder / inbox / reconciler; dispatcher sends the outbox;
commands carry out the owner's actions; read_model is what every face reads.
"""
