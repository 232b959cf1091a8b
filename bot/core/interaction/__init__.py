"""One interaction layer for every face: actors, ids, forms, options, errors and the router.

Import from the modules themselves; `bot.core.interaction.setup.build_router` wires them.
"""
