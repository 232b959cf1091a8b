"""Reply texts by feature, Korean first with English; bot.core.i18n looks them up."""
