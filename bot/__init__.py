"""studybot: a study bot for teams learning Docker and Kubernetes."""
