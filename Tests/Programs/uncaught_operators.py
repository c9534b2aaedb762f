# Position markers under binary operations, subscripts and calls in a traceback.
def ratio(values, index):
    total = values[index] + values[index + 1]
    return total / (values[0] - values[0])

def report(data):
    print("ratio", ratio(data, 0))

report([1, 2, 3])
