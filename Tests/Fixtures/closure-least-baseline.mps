NAME closure-least-baseline
ROWS
 N  OBJ
 L  fund:grant
 L  fund:fence
 E  balance:s0
 E  balance:s1
 E  balance:s2
 E  balance:s3
 E  balance:s4
 E  balance:s5
 G  open-min:s1
 L  open-max:s1
 G  open-min:s2
 L  open-max:s2
 G  open-min:s5
 L  open-max:s5
 N  deficit
 L  count:2
 L  count:1
 L  count:0
 L  baseline:2
 L  baseline:1
COLUMNS
    split:s0:grant  fund:grant  1.0
    split:s0:grant  balance:s0  -1.0
    split:s0:fence  fund:fence  1.0
    split:s0:fence  balance:s0  -1.0
    split:s1:grant  fund:grant  1.0
    split:s1:grant  balance:s1  -1.0
    split:s2:grant  fund:grant  1.0
    split:s2:grant  balance:s2  -1.0
    split:s3:grant  fund:grant  1.0
    split:s3:grant  balance:s3  -1.0
    split:s4:grant  fund:grant  1.0
    split:s4:grant  balance:s4  -1.0
    split:s5:grant  fund:grant  1.0
    split:s5:grant  balance:s5  -1.0
    level:s0  balance:s0  0.038510911424903725
    level:s1  balance:s1  0.07060333761232349
    level:s1  open-min:s1  1.0
    level:s1  open-max:s1  1.0
    level:s2  balance:s2  0.27278562259306804
    level:s2  open-min:s2  1.0
    level:s2  open-max:s2  1.0
    level:s3  balance:s3  0.18934531450577663
    level:s4  balance:s4  0.24390243902439024
    level:s5  balance:s5  0.16046213093709885
    level:s5  open-min:s5  1.0
    level:s5  open-max:s5  1.0
    shortfall  OBJ  0.0
    extra:s0  balance:s0  -1.0
    extra:s0  deficit  1.0
    extra:s1  balance:s1  -1.0
    extra:s1  deficit  1.0
    extra:s2  balance:s2  -1.0
    extra:s2  deficit  1.0
    extra:s3  balance:s3  -1.0
    extra:s3  deficit  1.0
    extra:s4  balance:s4  -1.0
    extra:s4  deficit  1.0
    extra:s5  balance:s5  -1.0
    extra:s5  deficit  1.0
    closed:s1  OBJ  0.07060333761232349
    closed:s1  open-min:s1  0.4
    closed:s1  open-max:s1  1.0
    closed:s1  count:0  1.0
    closed:s2  open-min:s2  1.0
    closed:s2  open-max:s2  1.2
    closed:s2  count:1  1.0
    closed:s2  baseline:1  0.27278562259306804
    closed:s5  open-min:s5  0.8
    closed:s5  open-max:s5  1.2
    closed:s5  count:2  1.0
    closed:s5  baseline:2  0.16046213093709885
RHS
    RHS  fund:grant  0.3390000000000001
    RHS  fund:fence  0.006527599486521182
    RHS  open-min:s1  0.4
    RHS  open-max:s1  1.0
    RHS  open-min:s2  1.0
    RHS  open-max:s2  1.2
    RHS  open-min:s5  0.8
    RHS  open-max:s5  1.2
    RHS  count:2  1.0
    RHS  count:1  1.0
    RHS  count:0  1.0
    RHS  baseline:2  0.16046213193709885
    RHS  baseline:1  0.27278562359306807
BOUNDS
 LO BND  level:s0  0.6
 UP BND  level:s0  1.2
 UP BND  level:s1  1.0
 UP BND  level:s2  1.2
 LO BND  level:s3  0.4
 UP BND  level:s3  1.0
 FX BND  level:s4  1.0
 UP BND  level:s5  1.2
 FR BND  shortfall
 FX BND  extra:s0  0.0
 FX BND  extra:s1  0.0
 FX BND  extra:s2  0.0
 FX BND  extra:s3  0.0
 FX BND  extra:s4  0.0
 FX BND  extra:s5  0.0
 BV BND  closed:s1
 BV BND  closed:s2
 BV BND  closed:s5
ENDATA
