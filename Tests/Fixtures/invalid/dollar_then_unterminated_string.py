x = 5 $ 3
y = 'abc
