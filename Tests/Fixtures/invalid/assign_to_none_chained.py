a = None = 1
