"""The form at /admin/: Decap CMS, configured from the schema and the vocabulary.

config.py builds Decap's config.yml, files.py returns every file published under
admin/ (the page, the config, our widgets and the Decap bundle copied from
node_modules). `po krockar` (cli/clash.py) finds an id that another branch already uses.
"""
