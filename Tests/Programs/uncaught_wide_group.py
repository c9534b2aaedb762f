# A group of more than 15 exceptions: the 16th section says how many more there are.
raise ExceptionGroup("wide", [ValueError(i) for i in range(17)])
