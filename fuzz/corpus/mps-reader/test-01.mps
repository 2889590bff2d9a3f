* a comment
NAME demo problem
OBJSENSE
    MAX
ROWS
 N  profit
 L  cap
 G  floor
 E  balance
 E  band
 E  dip
 L  ranged
 N  spare
COLUMNS
    x  profit  3  cap  1
    x  floor  1  balance  1
    MARKER  'MARKER'  'INTORG'
    y  profit  2  cap  1
    y  band  1  dip  1
    MARKER  'MARKER'  'INTEND'
    y  ranged  2  spare  5
    z  balance  -1  floor  1
RHS
    cap  10  profit  -7
    floor  2  balance  1
    band  4  dip  6
    ranged  8
    spare  99
RANGES
    band  2.5  dip  -1.5
    ranged  -3
BOUNDS
 UP  x  4
 MI  y
 UP  y  6
 UP  z  -2
 BV  BND2  z
ENDATA
