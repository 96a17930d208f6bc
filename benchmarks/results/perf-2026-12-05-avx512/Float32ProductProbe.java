import jdk.incubator.vector.*;
/**
 * Float32 probe (not part of the build): what the step's 64x64.64x64 product would gain in float32 with the
 * tape's values staying double. The same 4-row x 2-vector register tile as autodiff's VectorKernels, once on
 * doubles (8 lanes with AVX-512) and once on floats (16 lanes), and the float one again with the conversions a
 * double tape needs: both operands double -> float and the product float -> double, in Vector-API lanes.
 * Median-free: five rounds of 100 000 products each, microseconds per product. Run from the repository root:
 *
 *   java --add-modules jdk.incubator.vector benchmarks/results/perf-2026-12-05-avx512/Float32ProductProbe.java
 */
public class Float32ProductProbe {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final VectorSpecies<Double> SD = DoubleVector.SPECIES_PREFERRED;
    static final int LD = SD.length();
    static void prodF(float[] a, float[] b, float[] c, int m, int inner, int n) {
        for (int i = 0; i + 3 < m; i += 4) for (int j = 0; j + 2*L <= n; j += 2*L) {
            FloatVector v0a=FloatVector.zero(S),v0b=v0a,v1a=v0a,v1b=v0a,v2a=v0a,v2b=v0a,v3a=v0a,v3b=v0a;
            int a0=i*inner,a1=a0+inner,a2=a1+inner,a3=a2+inner;
            for (int k=0;k<inner;k++){ int o=k*n+j;
              FloatVector ba=FloatVector.fromArray(S,b,o), bb=FloatVector.fromArray(S,b,o+L);
              FloatVector x=FloatVector.broadcast(S,a[a0+k]); v0a=ba.fma(x,v0a); v0b=bb.fma(x,v0b);
              x=FloatVector.broadcast(S,a[a1+k]); v1a=ba.fma(x,v1a); v1b=bb.fma(x,v1b);
              x=FloatVector.broadcast(S,a[a2+k]); v2a=ba.fma(x,v2a); v2b=bb.fma(x,v2b);
              x=FloatVector.broadcast(S,a[a3+k]); v3a=ba.fma(x,v3a); v3b=bb.fma(x,v3b);}
            int c0=i*n+j; v0a.intoArray(c,c0); v0b.intoArray(c,c0+L); v1a.intoArray(c,c0+n); v1b.intoArray(c,c0+n+L);
            v2a.intoArray(c,c0+2*n); v2b.intoArray(c,c0+2*n+L); v3a.intoArray(c,c0+3*n); v3b.intoArray(c,c0+3*n+L);
        }
    }
    static void prodD(double[] a, double[] b, double[] c, int m, int inner, int n) {
        for (int i = 0; i + 3 < m; i += 4) for (int j = 0; j + 2*LD <= n; j += 2*LD) {
            DoubleVector v0a=DoubleVector.zero(SD),v0b=v0a,v1a=v0a,v1b=v0a,v2a=v0a,v2b=v0a,v3a=v0a,v3b=v0a;
            int a0=i*inner,a1=a0+inner,a2=a1+inner,a3=a2+inner;
            for (int k=0;k<inner;k++){ int o=k*n+j;
              DoubleVector ba=DoubleVector.fromArray(SD,b,o), bb=DoubleVector.fromArray(SD,b,o+LD);
              DoubleVector x=DoubleVector.broadcast(SD,a[a0+k]); v0a=ba.fma(x,v0a); v0b=bb.fma(x,v0b);
              x=DoubleVector.broadcast(SD,a[a1+k]); v1a=ba.fma(x,v1a); v1b=bb.fma(x,v1b);
              x=DoubleVector.broadcast(SD,a[a2+k]); v2a=ba.fma(x,v2a); v2b=bb.fma(x,v2b);
              x=DoubleVector.broadcast(SD,a[a3+k]); v3a=ba.fma(x,v3a); v3b=bb.fma(x,v3b);}
            int c0=i*n+j; v0a.intoArray(c,c0); v0b.intoArray(c,c0+LD); v1a.intoArray(c,c0+n); v1b.intoArray(c,c0+n+LD);
            v2a.intoArray(c,c0+2*n); v2b.intoArray(c,c0+2*n+LD); v3a.intoArray(c,c0+3*n); v3b.intoArray(c,c0+3*n+LD);
        }
    }
    static final VectorSpecies<Float> SH = VectorSpecies.of(float.class, VectorShape.forBitSize(LD * 32));
    static void toF(double[] d, float[] f, int n){ int i=0; for(;i+LD<=n;i+=LD){ ((FloatVector) DoubleVector.fromArray(SD,d,i).convertShape(VectorOperators.D2F, SH, 0)).intoArray(f,i);} for(;i<n;i++) f[i]=(float)d[i]; }
    static void toD(float[] f, double[] d, int n){ int i=0; for(;i+LD<=n;i+=LD){ ((DoubleVector) FloatVector.fromArray(SH,f,i).convertShape(VectorOperators.F2D, SD, 0)).intoArray(d,i);} for(;i<n;i++) d[i]=f[i]; }
    public static void main(String[] x){
        int N=64; double[] ad=new double[N*N], bd=new double[N*N], cd=new double[N*N];
        float[] af=new float[N*N], bf=new float[N*N], cf=new float[N*N];
        java.util.Random r=new java.util.Random(1); for(int i=0;i<N*N;i++){ad[i]=r.nextDouble();bd[i]=r.nextDouble();af[i]=(float)ad[i];bf[i]=(float)bd[i];}
        for (int rep=0; rep<5; rep++){
          long t0=System.nanoTime(); for(int it=0;it<100000;it++) prodD(ad,bd,cd,N,N,N); long t1=System.nanoTime();
          for(int it=0;it<100000;it++) prodF(af,bf,cf,N,N,N); long t2=System.nanoTime();
          for(int it=0;it<100000;it++){ toF(ad,af,N*N); toF(bd,bf,N*N); prodF(af,bf,cf,N,N,N); toD(cf,cd,N*N);} long t3=System.nanoTime();
          System.out.printf("lanes %d/%d  double %.2f us  float %.2f us  float+conv %.2f us%n",LD,L,(t1-t0)/1e5/1e3,(t2-t1)/1e5/1e3,(t3-t2)/1e5/1e3);
        }
    }
}
