NAME tiny
ROWS
 N  cost
 G  r
COLUMNS
    x  cost  2.0
    x  r  1.0
RHS
    RHS  r  1.0
RANGES
    RNG  r  3.0
BOUNDS
 LO BND  x  -1.0
 UP BND  x  5.0
ENDATA
